public import SimwatchControl
import SimwatchModel

/// Phrases about data and plans shared by every view: "984 MB / 2.5 GB (39%)", "984 MB left of 2.5 GB (39%)".
public enum ReadingText {
    /// Data left: the reading's remaining figure, else its total less its used figure.
    public static func remaining(_ reading: ReadingInfo?) -> Int64? {
        guard let reading else { return nil }
        if let remaining = reading.remainingBytes { return remaining }
        if let total = reading.totalBytes, let used = reading.usedBytes {
            // Wire figures are not trusted to be small: saturate rather than trap on overflow.
            let (left, overflow) = total.subtractingReportingOverflow(used)
            return overflow ? (used < 0 ? .max : 0) : max(0, left)
        }
        return nil
    }

    /// The plan's size: the reading's total, else the plan period's quota.
    public static func total(_ reading: ReadingInfo?, plan: PlanInfo?) -> Int64? {
        reading?.totalBytes ?? plan?.quotaBytes
    }

    /// "39%", rounded down so 99.6% never shows as full; nil without a positive total.
    public static func percent(_ part: Int64, of total: Int64?) -> String? {
        guard let total, total > 0 else { return nil }
        // Clamped as a Double: a part far above the total would not fit an Int.
        return "\(Int(max(0, min(100, Double(part) / Double(total) * 100))))%"
    }

    /// "984 MB / 2.5 GB (39%)", "984 MB", "≈984 MB / 2.5 GB (39%)" for an estimate, "unlimited", "-" when unknown.
    public static func compact(_ reading: ReadingInfo?, plan: PlanInfo?) -> String {
        if reading?.status == "unlimited" { return "unlimited" }
        let total = total(reading, plan: plan)
        guard let left = remaining(reading) else {
            return total.map { "? / \(ByteCount(bytes: $0))" } ?? "-"
        }
        var text = (reading?.estimated == true ? "≈" : "") + ByteCount(bytes: left).description
        if let total {
            text += " / \(ByteCount(bytes: total))"
            if let percent = percent(left, of: total) { text += " (\(percent))" }
        }
        return text
    }

    /// "984 MB left of 2.5 GB (39%)", "1.5 GB used", "unlimited data", "no data figure".
    public static func sentence(_ reading: ReadingInfo, plan: PlanInfo? = nil) -> String {
        if reading.status == "unlimited" { return "unlimited data" }
        let total = total(reading, plan: plan)
        let estimate = reading.estimated ? "about " : ""
        if let left = remaining(reading) {
            var text = "\(estimate)\(ByteCount(bytes: left)) left"
            if let total {
                text += " of \(ByteCount(bytes: total))"
                if let percent = percent(left, of: total) { text += " (\(percent))" }
            }
            return text
        }
        if let used = reading.usedBytes {
            return "\(estimate)\(ByteCount(bytes: used)) used" + (total.map { " of \(ByteCount(bytes: $0))" } ?? "")
        }
        return "no data figure"
    }

    /// `sentence` followed by credit, expiry and a status other than "active":
    /// "2 GB left of 20 GB (10%), 4.52 EUR credit, expires Fri 4 Dec 09:03 CET (in 6d 23h)".
    public static func full(_ reading: ReadingInfo, plan: PlanInfo? = nil, time: TimeFormat) -> String {
        var parts = [sentence(reading, plan: plan)]
        if let credit = reading.credit { parts.append("\(credit) credit") }
        if let expires = reading.expiresAt ?? plan?.expiresAt {
            let date = TimeFormat.wire(expires)
            let verb = date.map { $0 <= time.now } == true ? "expired" : "expires"
            parts.append("\(verb) \(time.both(wire: expires))")
        }
        if reading.status != "active" && reading.status != "unlimited" {
            parts.append(reading.status.replacing("_", with: " "))
        }
        return parts.joined(separator: ", ")
    }
}
