import FoundationEssentials
import SimwatchModel

/// `simwatchctl spend`: a table of what was spent per month or line and currency, then a Braille bar per row.
public enum SpendView {
    public static func render(
        _ report: SpendReport,
        by grouping: SpendReport.Grouping,
        context: ViewContext
    ) -> [String] {
        guard !report.rows.isEmpty else {
            var lines = ["Nothing spent in the ledger yet."]
            if !report.unpriced.isEmpty {
                lines.append(
                    "Renewals without a price: \(report.unpriced.joined(separator: ", ")); add one with "
                        + "`simwatchctl renewals edit ID --price \"20 EUR\"`."
                )
            }
            return lines
        }
        var table = TextTable([
            .init(grouping == .month ? "MONTH" : "LINE"), .init("SPENT", alignRight: true),
            .init("RENEWALS", alignRight: true), .init("DATA USED", alignRight: true),
            .init("PER GB USED", alignRight: true), .init("DAYS", alignRight: true), .init("PER DAY", alignRight: true),
        ])
        for row in report.rows {
            table.append([
                row.group,
                Money(amount: row.total, currency: row.currency).description,
                "\(row.renewals)",
                row.usedBytes > 0 ? ByteCount(bytes: row.usedBytes).description : "-",
                row.perGB.map { Money.rate($0, currency: row.currency) } ?? "-",
                row.serviceDays < 10 ? "\((row.serviceDays * 10).rounded() / 10)" : "\(Int(row.serviceDays.rounded()))",
                row.perDay.map { Money.rate($0, currency: row.currency) } ?? "-",
            ])
        }
        var lines = table.render(style: context.style, maxWidth: context.width)
        lines.append("")
        lines += bars(report, width: max(10, min(60, context.width - 30)))
        let currencies = Set(report.rows.map(\.currency))
        if currencies.count > 1 {
            lines.append("")
            lines.append(
                "Spent in \(currencies.sorted().joined(separator: ", ")): amounts in different currencies are never "
                    + "added, so each has its own rows and its own bars."
            )
        }
        if !report.unpriced.isEmpty {
            lines.append("")
            lines.append(
                "Not counted, without a price: \(report.unpriced.joined(separator: ", ")) "
                    + "(`simwatchctl renewals edit ID --price \"20 EUR\"`)."
            )
        }
        return lines
    }

    /// One bar per row, in Braille cells of two dots' width (⣿ full, ⡇ half), scaled to the largest amount of its
    /// currency: "2026-12 EUR ⣿⣿⣿⣿⡇ 27 EUR".
    public static func bars(_ report: SpendReport, width: Int) -> [String] {
        var largest: [String: Double] = [:]
        for row in report.rows {
            largest[row.currency] = max(
                largest[row.currency] ?? 0,
                Money(amount: row.total, currency: row.currency).approximateValue
            )
        }
        let label = report.rows.map { $0.group.count + 1 + $0.currency.count }.max() ?? 0
        return report.rows.map { row in
            let value = Money(amount: row.total, currency: row.currency).approximateValue
            let top = largest[row.currency] ?? 0
            let dots = top > 0 ? Int((value / top * Double(width * 2)).rounded()) : 0
            let bar = String(repeating: "⣿", count: dots / 2) + (dots % 2 == 1 ? "⡇" : "")
            let name = "\(row.group) \(row.currency)"
            return name + String(repeating: " ", count: max(0, label - name.count)) + " " + (bar.isEmpty ? "⡀" : bar)
                + " " + Money(amount: row.total, currency: row.currency).description
        }
    }
}
