public import FoundationEssentials

/// What the configuration says about a line's plan. Providers that know better (an API reporting total and expiry)
/// override it reading by reading.
public struct PlanSettings: Sendable, Hashable {
    /// How a plan's validity is expressed.
    public enum Validity: Sendable, Hashable {
        /// Valid for a duration from the start ("30d" travel eSIM).
        case validFor(TimeSpan)
        /// Valid until a fixed instant.
        case expires(Date)
        /// Renews every month on this day (1...31; a shorter month uses its last day), at local midnight.
        case monthly(cycleDay: Int)
    }

    /// Data included in the plan; nil for unlimited or unknown.
    public var quota: ByteCount?
    public var validity: Validity?
    /// When the current plan period started; nil means "when the daemon first saw the line".
    public var started: Date?

    public init(quota: ByteCount? = nil, validity: Validity? = nil, started: Date? = nil) {
        self.quota = quota
        self.validity = validity
        self.started = started
    }

    /// The plan as one stable line of text, kept in the state database to notice an edit across restarts and
    /// reloads (`hashValue` is seeded per process, so it cannot serve).
    public var fingerprint: String {
        let size = quota.map { "\($0.bytes)" } ?? "-"
        let start = started.map { "\($0.timeIntervalSince1970)" } ?? "-"
        let validity: String =
            switch self.validity {
            case .none: "-"
            case .validFor(let span)?: "valid_for=\(span.seconds)"
            case .expires(let date)?: "expires=\(date.timeIntervalSince1970)"
            case .monthly(let day)?: "cycle_day=\(day)"
            }
        return "quota=\(size) \(validity) started=\(start)"
    }

    /// The plan period that applies at `now`, given when the line was first seen.
    public func period(firstSeen: Date, now: Date, zone: ZoneInfo) -> PlanPeriod {
        let start = started ?? firstSeen
        switch validity {
        case .none:
            return PlanPeriod(startedAt: start, quota: quota, expiresAt: nil)
        case .validFor(let span)?:
            return PlanPeriod(startedAt: start, quota: quota, expiresAt: start + span)
        case .expires(let date)?:
            return PlanPeriod(startedAt: start, quota: quota, expiresAt: date)
        case .monthly(let day)?:
            let (from, to) = MonthlyCycle(day: day, zone: zone).bounds(containing: now)
            return PlanPeriod(startedAt: max(from, start), quota: quota, expiresAt: to)
        }
    }
}

/// The current period of a plan: what was bought and until when.
public struct PlanPeriod: Sendable, Hashable, Codable {
    public var startedAt: Date
    public var quota: ByteCount?
    public var expiresAt: Date?

    public init(startedAt: Date, quota: ByteCount?, expiresAt: Date?) {
        self.startedAt = startedAt
        self.quota = quota
        self.expiresAt = expiresAt
    }
}

/// A monthly billing cycle that restarts on a day of the month at local midnight.
public struct MonthlyCycle: Sendable, Hashable {
    public var day: Int
    public var zone: ZoneInfo

    public init(day: Int, zone: ZoneInfo) {
        self.day = day
        self.zone = zone
    }

    /// The cycle `[start, end)` that contains `date`.
    public func bounds(containing date: Date) -> (Date, Date) {
        let local = zone.localDateTime(date)
        var (year, month) = (local.year, local.month)
        if local.day < effectiveDay(year: year, month: month) {
            (year, month) = month == 1 ? (year - 1, 12) : (year, month - 1)
        }
        let start = zone.date(year: year, month: month, day: effectiveDay(year: year, month: month), hour: 0, minute: 0)
        let (ny, nm) = month == 12 ? (year + 1, 1) : (year, month + 1)
        let end = zone.date(year: ny, month: nm, day: effectiveDay(year: ny, month: nm), hour: 0, minute: 0)
        return (start, end)
    }

    private func effectiveDay(year: Int, month: Int) -> Int {
        min(day, Self.daysIn(year: year, month: month))
    }

    package static func daysIn(year: Int, month: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
