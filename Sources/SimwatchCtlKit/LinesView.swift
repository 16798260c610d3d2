public import FoundationEssentials
public import SimwatchControl

/// `simwatchctl lines`: one row per line.
///
/// ```text
/// LINE        NAME                  DATA LEFT              EXPIRES (CET)                STATE     LAST POLL
/// fr-holiday  Orange Holiday eSIM   984 MB / 2.5 GB (39%)  Fri 4 Dec 09:03 (in 6d 23h)  low-data  2m ago
/// ```
public enum LinesView {
    /// The table; `severities` ("line/rule" → severity, from GetStatus) colours firing rules when known.
    public static func render(
        _ lines: [LineSummary],
        severities: [String: String] = [:],
        context: ViewContext
    ) -> [String] {
        guard !lines.isEmpty else { return ["No lines configured."] }
        let zone = context.time.zoneAbbreviation
        var table = TextTable([
            .init("LINE"), .init("NAME", shrinks: true), .init("DATA LEFT"), .init("EXPIRES (\(zone))"),
            .init("STATE"), .init("LAST POLL"),
        ])
        for line in lines {
            let expires = line.reading?.expiresAt ?? line.plan?.expiresAt
            table.append([
                line.id,
                line.name,
                ReadingText.compact(line.reading, plan: line.plan),
                context.time.both(wire: expires, shownZone: zone),
                state(line, severities: severities, context: context),
                lastPoll(line, context: context),
            ])
        }
        return table.render(style: context.style, maxWidth: context.width)
    }

    /// The conditions of a line, worst first: firing rule ids, "error" (the last poll failed), else "stale" (no
    /// successful reading for three poll intervals), else "ok".
    public static func conditions(_ line: LineSummary, now: Date) -> [String] {
        var out = line.firing
        if line.lastError != nil {
            out.append("error")
        } else if isStale(line, now: now) {
            out.append("stale")
        }
        return out.isEmpty ? ["ok"] : out
    }

    /// No successful reading for three poll intervals (and at least an hour), or none ever after a poll.
    public static func isStale(_ line: LineSummary, now: Date) -> Bool {
        guard let success = TimeFormat.wire(line.lastSuccessAt) else { return line.lastPollAt != nil }
        let allowance = max(3 * Double(line.pollIntervalSeconds), 3600)
        return now.timeIntervalSince(success) > allowance
    }

    static func state(_ line: LineSummary, severities: [String: String], context: ViewContext) -> String {
        let style = context.style
        return conditions(line, now: context.time.now).map { condition in
            switch condition {
            case "ok": return style.good("ok")
            case "error", "stale": return style.bad(condition)
            default: return style.severity(severities["\(line.id)/\(condition)"] ?? "warning", text: condition)
            }
        }.joined(separator: ", ")
    }

    static func lastPoll(_ line: LineSummary, context: ViewContext) -> String {
        guard let at = line.lastPollAt else { return "never" }
        return context.time.relative(wire: at)
    }
}
