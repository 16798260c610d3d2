import FoundationEssentials
import SimwatchCore
import Testing

@Suite struct ReminderTemplatesTests {
    static let created = Date(timeIntervalSince1970: 1_795_132_800)  // 2026-11-20T00:00:00Z

    static func reminder(kind: ReminderKind, event: String = "firing") -> Reminder {
        Reminder(
            id: "fr/low/1/1/mail",
            channel: "mail",
            kind: kind,
            event: event,
            severity: .warning,
            lineID: "fr",
            lineName: "Forfait & co",
            ruleID: "low",
            episode: 1,
            occurrence: 1,
            stage: 0,
            summary: "Forfait & co: 820 MB left of 5 GB (16%)",
            details: ["Remaining: 820 MB left of 5 GB (16%)", "Pace: 300 MB/day"],
            remaining: ByteCount(bytes: 820_000_000),
            total: ByteCount(bytes: 5_000_000_000),
            expiresAt: created + .days(3),
            runsOutAt: created + .days(2),
            createdAt: created,
            notBefore: created,
            timeZone: "UTC",
            ruleKind: "data_below",
            pacePerDay: ByteCount(bytes: 300_000_000)
        )
    }

    @Test func builtInSubjectsPerKind() throws {
        let templates = try ReminderTemplates(style: .full)
        let cases: [(ReminderKind, String, String)] = [
            (.lowData, "firing", "Low data on Forfait & co: 820 MB left"),
            (.lowData, "repeat", "Low data on Forfait & co: 820 MB left (reminder)"),
            (.expiring, "escalated", "Plan expires in 3d: Forfait & co (escalated)"),
            (.runsOut, "firing", "Data on Forfait & co runs out in 2d"),
            (.stale, "firing", "No reading from Forfait & co"),
            (.renewed, "renewed", "Forfait & co renewed"),
            (.test, "test", "Test reminder from simwatch (mail)"),
        ]
        for (kind, event, subject) in cases {
            #expect(templates.render(Self.reminder(kind: kind, event: event), zone: .utc).subject == subject)
        }
    }

    @Test func fullBodyIsPlainTextWithDetails() throws {
        let body = try ReminderTemplates(style: .full).render(Self.reminder(kind: .lowData), zone: .utc).body
        #expect(
            body == """
                Forfait & co: 820 MB left of 5 GB (16%)

                Remaining: 820 MB left of 5 GB (16%)
                Pace: 300 MB/day

                Line: Forfait & co (fr)
                Raised: Fri 20 Nov 00:00 UTC
                Notification id: fr/low/1/1/mail
                --\u{20}
                simwatch: prepaid SIM and eSIM reminders
                """
        )
    }

    @Test func variablesAreDocumentedOnes() throws {
        let overrides = TemplateOverrides([
            .lowData: .init(
                subject: .init("{{severity_upper}} {{line.id}} {{percent_left}}% {{remaining_bytes}} {{rule.kind}}"),
                body: .init("{{expires}}|{{expires_at}}|{{runs_out_in}}|{{pace}}|{{#warning}}warn{{/warning}}")
            )
        ])
        let text = try ReminderTemplates(overrides: overrides, style: .full).render(
            Self.reminder(kind: .lowData),
            zone: .utc
        )
        #expect(text.subject == "WARNING fr 16% 820000000 data_below")
        #expect(text.body == "Mon 23 Nov 00:00 UTC|2026-11-23T00:00:00+00:00|2d|300 MB/day|warn")
    }

    @Test func badTemplatesAreRefused() {
        #expect(ReminderTemplates.check("{{#a}}x") != nil)
        #expect(ReminderTemplates.check("{{a}} {{#b}}{{/b}}") == nil)
        #expect(throws: TemplateError.self) {
            _ = try ReminderTemplates(
                overrides: TemplateOverrides([.stale: .init(body: .init("{{/x}}"))]),
                style: .full
            )
        }
    }
}
