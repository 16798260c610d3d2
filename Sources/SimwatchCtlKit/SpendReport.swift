public import FoundationEssentials
public import SimwatchControl
public import SimwatchModel

/// What was spent on renewals, per month or per line and per currency (never added across currencies), with the
/// cost per GB actually used and per day of service. Pure: everything comes from the ledger entries.
///
/// A period still running has used only part of what it paid for: its rates count the share of its price that the
/// days so far make of the days it was bought for (a 30-day plan 3 days in counts a tenth), so a fresh renewal does not
/// read as a very dear gigabyte. A period without a known end counts its whole price.
public struct SpendReport: Sendable, Hashable {
    /// How rows are grouped.
    public enum Grouping: String, Sendable, CaseIterable {
        case month
        case line
    }

    /// One group's spending in one currency.
    public struct Row: Sendable, Hashable {
        /// "2026-12" or the line id.
        public var group: String
        public var currency: String
        public var total: Decimal
        public var renewals: Int
        /// Data used in the periods these renewals paid for (those where it is known).
        public var usedBytes: Int64
        public var serviceDays: Double
        /// The part of `total` that the service so far has used up (all of it for ended periods), which the rates
        /// are computed from.
        public var usedUpValue: Double = 0

        /// Per GB (10⁹ bytes) actually used; nil when nothing used is known.
        public var perGB: Double? {
            usedBytes > 0 ? usedUpValue / (Double(usedBytes) / 1e9) : nil
        }

        /// Per day of service; nil without days.
        public var perDay: Double? {
            serviceDays > 0 ? usedUpValue / serviceDays : nil
        }
    }

    public var rows: [Row]
    /// Entries without a price, which no total includes.
    public var unpriced: [String]

    public init(_ entries: [RenewalInfo], by grouping: Grouping, zone: ZoneInfo) {
        var rows: [Row] = []
        var unpriced: [String] = []
        for entry in entries {
            guard let text = entry.price, let price = try? Money(parsing: text) else {
                unpriced.append(entry.id)
                continue
            }
            let group: String
            switch grouping {
            case .line: group = entry.line
            case .month:
                guard let at = TimeFormat.wire(entry.renewedAt) else { continue }
                let local = zone.localDateTime(at)
                group = "\(local.year)-\(local.month < 10 ? "0" : "")\(local.month)"
            }
            let index =
                rows.firstIndex { $0.group == group && $0.currency == price.currency }
                ?? {
                    rows.append(
                        Row(group: group, currency: price.currency, total: 0, renewals: 0, usedBytes: 0, serviceDays: 0)
                    )
                    return rows.count - 1
                }()
            rows[index].total += price.amount
            rows[index].renewals += 1
            let used = max(0, min(entry.usedBytes ?? 0, Int64.max / 1024))
            rows[index].usedBytes =
                rows[index].usedBytes.addingReportingOverflow(used).overflow
                ? .max : rows[index].usedBytes + used
            let days = entry.serviceDays.isFinite ? max(0, entry.serviceDays) : 0
            rows[index].serviceDays += days
            rows[index].usedUpValue += price.approximateValue * Self.usedUpShare(entry, days: days)
        }
        self.rows = rows.sorted { ($0.group, $0.currency) < ($1.group, $1.currency) }
        self.unpriced = unpriced
    }

    /// How much of an entry's price its service so far has used: all of it once the period ended (or when its
    /// length is unknown), else the days so far over the days it was bought for.
    static func usedUpShare(_ entry: RenewalInfo, days: Double) -> Double {
        guard entry.endedAt == nil, let start = TimeFormat.wire(entry.renewedAt),
            let end = TimeFormat.wire(entry.expiresAt)
        else { return 1 }
        let bought = end.timeIntervalSince(start) / 86_400
        guard bought > 0 else { return 1 }
        return min(1, days / bought)
    }
}
