import FoundationEssentials
public import SimwatchMustache

/// The variables a subject or body template sees, made from one reminder. Values the reminder lacks are absent, so
/// `{{#remaining}}...{{/remaining}}` shows only when the data left is known. Listed in docs/configuration.md.
public enum TemplateVariables {
    public static func make(_ r: Reminder, zone: ZoneInfo) -> MustacheValue {
        let composer = ReminderComposer(zone: zone, language: r.readerLanguage)
        let words = composer.words
        let now = r.createdAt
        var v: [String: MustacheValue] = [
            "id": .string(r.id),
            "channel": .string(r.channel),
            "kind": .string(r.kind.rawValue),
            "event": .string(r.event),
            "event_note": .string(words.eventNote(r.event)),
            "language": .string(r.readerLanguage.rawValue),
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
            v["remaining"] = .string(words.bytes(remaining))
            v["remaining_bytes"] = .integer(remaining.bytes)
            if let total = r.total, total.bytes > 0 {
                v["percent_left"] = .integer(Int((Double(remaining.bytes) * 100 / Double(total.bytes)).rounded()))
            }
        }
        if let total = r.total {
            v["total"] = .string(words.bytes(total))
            v["total_bytes"] = .integer(total.bytes)
        }
        if let expires = r.expiresAt {
            v["expires"] = .string(composer.when(expires, now: now))
            v["expires_at"] = .string(expires.iso8601(in: zone))
            if expires > now {
                v["expires_in"] = .string(words.fromNow(composer.span(from: now, to: expires)))
            } else {
                v["expired"] = true
            }
        }
        if let runsOut = r.runsOutAt {
            v["runs_out"] = .string(composer.when(runsOut, now: now))
            v["runs_out_at"] = .string(runsOut.iso8601(in: zone))
            if runsOut > now { v["runs_out_in"] = .string(composer.span(from: now, to: runsOut)) }
        }
        if let pace = r.pacePerDay { v["pace"] = .string(words.perDay(words.bytes(pace))) }
        if let allowance = r.dailyAllowance { v["daily_allowance"] = .string(words.perDay(words.bytes(allowance))) }
        if let credit = r.credit { v["credit"] = .string(words.money(credit)) }
        if let observed = r.observedAt {
            v["observed"] = .string(composer.when(observed, now: now))
            v["observed_at"] = .string(observed.iso8601(in: zone))
        }
        if let source = r.source { v["source"] = .string(source) }
        if let renew = r.renew { v["renew"] = renewVariables(renew, words: words) }
        if let advice = r.advice { v["advice"] = .string(advice) }
        return .dictionary(v)
    }

    /// `{{renew.url}}`, `{{renew.sentence}}` ...: what `[line.renew]` sets.
    static func renewVariables(_ renew: RenewalGuide, words: any Phrasebook) -> MustacheValue {
        var v: [String: MustacheValue] = ["sentence": .string(words.renewal(renew))]
        if let open = renew.openURL { v["open_url"] = .string(open.text) }
        for (name, value) in renew.fields { v[name] = .string(value) }
        return .dictionary(v)
    }
}
