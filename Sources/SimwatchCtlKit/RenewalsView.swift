public import SimwatchControl
import SimwatchModel

/// `simwatchctl renewals`: the ledger as a table, or as CSV for a spreadsheet.
public enum RenewalsView {
    public static func render(_ reply: ListRenewals.Reply, context: ViewContext) -> [String] {
        guard !reply.renewals.isEmpty else {
            return [
                "No renewals recorded yet: `simwatchctl renew LINE --offer NAME` records one; top-ups seen in the readings are added by themselves."
            ]
        }
        var table = TextTable([
            .init("ID"), .init("RENEWED"), .init("HOW"), .init("OFFER", shrinks: true),
            .init("DATA", alignRight: true), .init("PRICE", alignRight: true), .init("ORDER", shrinks: true),
            .init("CONFIRMED", shrinks: true),
        ])
        for entry in reply.renewals {
            table.append([
                entry.id,
                context.time.absolute(wire: entry.renewedAt),
                entry.origin == "detected" ? "seen" : "by hand",
                entry.offer ?? "-",
                entry.unlimited ? "unlimited" : entry.dataBytes.map { ByteCount(bytes: $0).description } ?? "-",
                entry.price ?? "-",
                entry.order ?? "-",
                check(entry.check, context: context),
            ])
        }
        var lines = table.render(style: context.style, maxWidth: context.width)
        let notes = reply.renewals.filter { $0.note != nil || $0.receipt != nil }
        if !notes.isEmpty { lines.append("") }
        for entry in notes {
            if let note = entry.note { lines.append("\(entry.id): \(note)") }
            if let receipt = entry.receipt { lines.append("\(entry.id): receipt \(receipt.path)") }
        }
        let unpriced = reply.renewals.filter { $0.price == nil }.map(\.id)
        if !unpriced.isEmpty {
            lines.append("")
            lines.append(
                "Without a price: \(unpriced.joined(separator: ", ")); complete with "
                    + "`simwatchctl renewals edit ID --price \"20 EUR\"`."
            )
        }
        return lines
    }

    /// "confirmed by airalo Tue 1 Dec 10:24", "waiting until …", "NOT YET (since …)", "-".
    public static func check(_ check: RenewalCheckInfo, context: ViewContext) -> String {
        switch check.state {
        case "confirmed":
            return "by \(check.by ?? "provider") \(context.time.absolute(wire: check.at))"
        case "waiting": return "waiting until \(context.time.absolute(wire: check.at))"
        case "late": return "NOT YET (due \(context.time.absolute(wire: check.at)))"
        default: return "-"
        }
    }

    /// RFC 4180 CSV with a header; times as sent (RFC 3339 with offset), amounts exact. A cell that a spreadsheet
    /// would run as a formula (starting with =, +, -, @) is prefixed with an apostrophe.
    public static func csv(_ reply: ListRenewals.Reply) -> [String] {
        var lines = [
            "id,line,origin,renewed_at,recorded_at,offer,data_bytes,unlimited,expires_at,amount,currency,order,"
                + "note,receipt_path,receipt_sha256,used_bytes,service_days,check,checked_at,checked_by"
        ]
        for e in reply.renewals {
            let amount = e.price.flatMap { try? Money(parsing: $0) }.map { "\($0.amount)" }
            let cells: [String?] = [
                e.id, e.line, e.origin, e.renewedAt, e.recordedAt, e.offer, e.dataBytes.map(String.init),
                e.unlimited ? "true" : "false", e.expiresAt, amount, e.currency, e.order, e.note,
                e.receipt?.path, e.receipt?.sha256, e.usedBytes.map(String.init), "\(e.serviceDays)",
                e.check.state, e.check.at, e.check.by,
            ]
            lines.append(cells.map { cell($0 ?? "") }.joined(separator: ","))
        }
        return lines
    }

    public static func cell(_ text: String) -> String {
        var value = text
        if let first = value.first, "=+-@".contains(first), Double(value) == nil { value = "'" + value }
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacing("\"", with: "\"\"") + "\""
    }
}
