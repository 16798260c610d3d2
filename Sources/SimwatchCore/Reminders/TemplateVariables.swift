import FoundationEssentials
public import SimwatchMustache

/// The variables a subject or body template sees, made from one reminder. Values the reminder lacks are absent, so
/// `{{#remaining}}...{{/remaining}}` shows only when the data left is known. Listed in docs/configuration.md.
public enum TemplateVariables {
    public static func make(_ r: Reminder, zone: ZoneInfo) -> MustacheValue {
        let composer = ReminderComposer(zone: zone)
        let now = r.createdAt
        var v: [String: MustacheValue] = [
            "id": .string(r.id),
            "channel": .string(r.channel),
            "kind": .string(r.kind.rawValue),
            "event": .string(r.event),
            "event_note": .string(eventNote(r.event)),
            "severity": .string(r.severity.rawValue),
            "severity_upper": .string(r.severity.rawValue.uppercased()),
            r.severity.rawValue: true,
            "is_\(r.event)": true,
            "line": ["id": .string(r.lineID), "name": .string(r.lineName)],
            "episode": .integer(r.episode),
            "occurrence": .integer(r.occurrence),
            "summary": .string(r.summary),
            "details": .list(r.details.map(MustacheValue.string)),
            "created": .string(composer.when(r.createdAt, now: now)),
            "created_at": .string(r.createdAt.iso8601(in: zone)),
            "time_zone": .string(zone.identifier),
        ]
        if let rule = r.ruleID {
            var info: [String: MustacheValue] = ["id": .string(rule)]
            if let kind = r.ruleKind { info["kind"] = .string(kind) }
            v["rule"] = .dictionary(info)
        }
        if let stage = r.stage { v["stage"] = .integer(stage) }
        if let remaining = r.remaining {
            v["remaining"] = .string(remaining.description)
            v["remaining_bytes"] = .integer(remaining.bytes)
            if let total = r.total, total.bytes > 0 {
                v["percent_left"] = .integer(Int((Double(remaining.bytes) * 100 / Double(total.bytes)).rounded()))
            }
        }
        if let total = r.total {
            v["total"] = .string(total.description)
            v["total_bytes"] = .integer(total.bytes)
        }
        if let expires = r.expiresAt {
            v["expires"] = .string(composer.when(expires, now: now))
            v["expires_at"] = .string(expires.iso8601(in: zone))
            if expires > now {
                v["expires_in"] = .string("in " + composer.span(from: now, to: expires))
            } else {
                v["expired"] = true
            }
        }
        if let runsOut = r.runsOutAt {
            v["runs_out"] = .string(composer.when(runsOut, now: now))
            v["runs_out_at"] = .string(runsOut.iso8601(in: zone))
            if runsOut > now { v["runs_out_in"] = .string(composer.span(from: now, to: runsOut)) }
        }
        if let pace = r.pacePerDay { v["pace"] = .string("\(pace)/day") }
        if let allowance = r.dailyAllowance { v["daily_allowance"] = .string("\(allowance)/day") }
        if let credit = r.credit { v["credit"] = .string(credit.description) }
        if let observed = r.observedAt {
            v["observed"] = .string(composer.when(observed, now: now))
            v["observed_at"] = .string(observed.iso8601(in: zone))
        }
        if let source = r.source { v["source"] = .string(source) }
        if let renew = r.renew { v["renew"] = renewVariables(renew) }
        if let advice = r.advice { v["advice"] = .string(advice) }
        return .dictionary(v)
    }

    /// `{{renew.url}}`, `{{renew.sentence}}` ...: what `[line.renew]` sets.
    static func renewVariables(_ renew: RenewalGuide) -> MustacheValue {
        var v: [String: MustacheValue] = ["sentence": .string(renew.sentence)]
        if let open = renew.openURL { v["open_url"] = .string(open.text) }
        for (name, value) in renew.fields { v[name] = .string(value) }
        return .dictionary(v)
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
