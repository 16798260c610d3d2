import FoundationEssentials
import SimwatchCore

/// The reminders and user templates whose renderings were recorded from swift-mustache before simwatch moved to its
/// own renderer (TemplateGolden.swift), so the move can be checked to change nothing.
enum TemplateGoldenCases {
    static let created = Date(timeIntervalSince1970: 1_795_132_800)  // 2026-11-20T00:00:00Z

    /// Three reminders: everything known; nothing optional known; expired with credit, critical.
    static func reminders(kind: ReminderKind, event: String) -> [(name: String, reminder: Reminder)] {
        let full = Reminder(
            id: "fr/low/1/2/mail",
            channel: "mail",
            kind: kind,
            event: event,
            severity: .warning,
            lineID: "fr",
            lineName: "Forfait & co <\"é\">",
            ruleID: "low",
            episode: 1,
            occurrence: 2,
            stage: 0,
            summary: "Forfait & co: 820 MB left of 5 GB (16%)",
            details: ["Remaining: 820 MB left of 5 GB (16%)", "Pace: 300 MB/day", "Runs out: {{soon}}"],
            remaining: ByteCount(bytes: 820_000_000),
            total: ByteCount(bytes: 5_000_000_000),
            expiresAt: created + .days(3),
            runsOutAt: created + .days(2),
            createdAt: created,
            notBefore: created,
            timeZone: "UTC",
            ruleKind: "data_below",
            pacePerDay: ByteCount(bytes: 300_000_000),
            dailyAllowance: ByteCount(bytes: 200_000_000),
            observedAt: created - .hours(1),
            source: "api"
        )
        let bare = Reminder(
            id: "home/stale/3/1/desk",
            channel: "desk",
            kind: kind,
            event: event,
            severity: .info,
            lineID: "home",
            lineName: "Home router SIM",
            ruleID: nil,
            episode: 3,
            occurrence: 1,
            stage: nil,
            summary: "Home router SIM: no reading",
            details: [],
            remaining: nil,
            total: nil,
            expiresAt: nil,
            runsOutAt: nil,
            createdAt: created,
            notBefore: created,
            timeZone: "UTC"
        )
        var expired = full
        expired.severity = .critical
        expired.expiresAt = created - .days(1)
        expired.runsOutAt = created - .hours(2)
        expired.total = ByteCount(bytes: 0)
        expired.details = ["Expired: yesterday"]
        expired.credit = Money(amount: Decimal(string: "3.5")!, currency: "EUR")
        return [("full", full), ("bare", bare), ("expired", expired)]
    }

    static let events = ["firing", "repeat", "escalated"]

    /// User templates, each used as both subject and body of a low_data reminder.
    static let templates: [(name: String, source: String)] = [
        ("docs", "{{summary}}\n{{#details}}\n  {{.}}\n{{/details}}\n{{#expires}}Expire : {{expires}}{{/expires}}\n"),
        ("variables", "{{severity_upper}} {{line.id}} {{percent_left}}% {{remaining_bytes}} {{rule.kind}} {{rule.id}}"),
        (
            "flags",
            "{{#critical}}URGENT {{/critical}}{{^expired}}ok{{/expired}}{{#is_repeat}} again{{/is_repeat}}"
                + " {{! a comment }}{{episode}}/{{occurrence}}/{{stage}}{{#stage}}!{{/stage}}"
        ),
        ("sections", "{{#line}}{{name}} ({{id}}){{/line}} {{#rule}}{{kind}}{{/rule}}{{^rule}}no rule{{/rule}}"),
        ("delimiters", "{{=<% %>=}}<%summary%> <%&credit%> [<%line.name%>]"),
        ("standalone", "Hi\n  {{#details}}\n  - {{.}}\n  {{/details}}\n\n{{^details}}\nnone\n{{/details}}\nBye\n"),
        (
            "times",
            "{{time_zone}} {{created}} {{created_at}} {{observed}} {{observed_at}} {{source}} {{daily_allowance}}"
                + " {{total}} {{total_bytes}} {{runs_out}} {{runs_out_at}} {{runs_out_in}} {{expires_in}} {{pace}}"
        ),
        ("escaping", "{{{summary}}} {{&line.name}} {{line.name}} {{kind}} {{event}} {{event_note}} {{severity}}"),
        ("missing", "[{{nothing}}][{{line.nothing}}][{{#nothing}}x{{/nothing}}][{{^nothing}}y{{/nothing}}]"),
    ]
}
