import FoundationEssentials

/// The variables a subject or body template sees, made from one reminder. Values the reminder lacks are absent, so
/// `{{#remaining}}...{{/remaining}}` shows only when the data left is known. Listed in docs/configuration.md.
public enum TemplateVariables {
    public static func make(_ r: Reminder, zone: ZoneInfo) -> [String: Any] {
        let composer = ReminderComposer(zone: zone)
        let now = r.createdAt
        var v: [String: Any] = [
            "id": r.id,
            "channel": r.channel,
            "kind": r.kind.rawValue,
            "event": r.event,
            "event_note": eventNote(r.event),
            "severity": r.severity.rawValue,
            "severity_upper": r.severity.rawValue.uppercased(),
            r.severity.rawValue: true,
            "is_\(r.event)": true,
            "line": ["id": r.lineID, "name": r.lineName] as [String: Any],
            "episode": r.episode,
            "occurrence": r.occurrence,
            "summary": r.summary,
            "details": r.details,
            "created": composer.when(r.createdAt, now: now),
            "created_at": r.createdAt.iso8601(in: zone),
            "time_zone": zone.identifier,
        ]
        if let rule = r.ruleID {
            var info: [String: Any] = ["id": rule]
            if let kind = r.ruleKind { info["kind"] = kind }
            v["rule"] = info
        }
        if let stage = r.stage { v["stage"] = stage }
        if let remaining = r.remaining {
            v["remaining"] = remaining.description
            v["remaining_bytes"] = remaining.bytes
            if let total = r.total, total.bytes > 0 {
                v["percent_left"] = Int((Double(remaining.bytes) * 100 / Double(total.bytes)).rounded())
            }
        }
        if let total = r.total {
            v["total"] = total.description
            v["total_bytes"] = total.bytes
        }
        if let expires = r.expiresAt {
            v["expires"] = composer.when(expires, now: now)
            v["expires_at"] = expires.iso8601(in: zone)
            if expires > now {
                v["expires_in"] = "in " + composer.span(from: now, to: expires)
            } else {
                v["expired"] = true
            }
        }
        if let runsOut = r.runsOutAt {
            v["runs_out"] = composer.when(runsOut, now: now)
            v["runs_out_at"] = runsOut.iso8601(in: zone)
            if runsOut > now { v["runs_out_in"] = composer.span(from: now, to: runsOut) }
        }
        if let pace = r.pacePerDay { v["pace"] = "\(pace)/day" }
        if let allowance = r.dailyAllowance { v["daily_allowance"] = "\(allowance)/day" }
        if let credit = r.credit { v["credit"] = credit.description }
        if let observed = r.observedAt {
            v["observed"] = composer.when(observed, now: now)
            v["observed_at"] = observed.iso8601(in: zone)
        }
        if let source = r.source { v["source"] = source }
        return v
    }

    /// " (reminder)" for repeats, " (escalated)" for escalations, else empty.
    static func eventNote(_ event: String) -> String {
        switch event {
        case "repeat": " (reminder)"
        case "escalated": " (escalated)"
        default: ""
        }
    }
}
