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

    @Test func briefBodyPutsEachDetailOnItsOwnLine() throws {
        let body = try ReminderTemplates(style: .brief).render(Self.reminder(kind: .lowData), zone: .utc).body
        #expect(
            body == "Forfait & co: 820 MB left of 5 GB (16%)\nRemaining: 820 MB left of 5 GB (16%)\nPace: 300 MB/day"
        )
        var bare = Self.reminder(kind: .lowData)
        bare.details = []
        #expect(try ReminderTemplates(style: .brief).render(bare, zone: .utc).body == bare.summary)
    }

    @Test func errorsSayLineAndColumn() {
        #expect(
            ReminderTemplates.check("Hi\n  {{#line}}unclosed")
                == "line 2, column 3: section `line` is never ended: no `/line` tag"
        )
        #expect(
            ReminderTemplates.check("{{summary}}\n{{> footer}}")
                == "line 2, column 1: `{{>footer}}`: partials are not supported"
        )
    }

    @Test func runawayOutputFallsBackToTheSummary() throws {
        let nested =
            String(repeating: "{{#details}}", count: 14) + "{{summary}}" + String(repeating: "{{/details}}", count: 14)
        let overrides = TemplateOverrides([.lowData: .init(subject: .init(nested), body: .init(nested))])
        let text = try ReminderTemplates(overrides: overrides, style: .full).render(
            Self.reminder(kind: .lowData),
            zone: .utc
        )
        #expect(text.subject == "Forfait & co: 820 MB left of 5 GB (16%)")
        #expect(
            text.body.hasPrefix(
                "Forfait & co: 820 MB left of 5 GB (16%)\n\n(simwatch: the body template failed at line 1"
            )
        )
        #expect(text.body.hasSuffix("output is larger than 262144 bytes)"))
    }

    @Test func renewalCheckSubjects() throws {
        let templates = try ReminderTemplates(style: .full)
        for (kind, subject) in [
            (ReminderKind.renewalLate, "Renewal of Home router SIM has not arrived"),
            (.renewalConfirmed, "Renewal of Home router SIM arrived"),
        ] {
            let reminder = try #require(TemplateGoldenCases.reminders(kind: kind, event: "firing").first?.reminder)
            var named = reminder
            named.lineName = "Home router SIM"
            let text = templates.render(named, zone: .utc)
            #expect(text.subject == subject)
            #expect(text.body.hasPrefix(named.summary))
        }
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

/// Our renderer against what swift-mustache rendered before it (TemplateGolden.swift), case by case.
@Suite struct TemplateGoldenTests {
    @Test func builtInAndUserTemplatesRenderAsBefore() throws {
        var checked = 0
        func compare(_ key: String, _ text: (subject: String, body: String), brief reminder: Reminder? = nil) {
            let subject = TemplateGolden.outputs[key + "|subject"]
            var body = TemplateGolden.outputs[key + "|body"]
            if let reminder, !reminder.details.isEmpty {
                // The one change: swift-mustache ran the brief body's details together; now one per line.
                #expect(body == reminder.summary + "\n" + reminder.details.joined(), "\(key)")
                body = reminder.summary + "\n" + reminder.details.joined(separator: "\n")
            }
            #expect(text.subject == subject, "\(key) subject")
            #expect(text.body == body, "\(key) body")
            checked += 2
        }
        let styles: [(String, ReminderTemplates.BodyStyle)] = [
            ("full", .full), ("brief", .brief), ("summary", .summary),
        ]
        for (styleName, style) in styles {
            let templates = try ReminderTemplates(style: style)
            // The golden outputs cover 0.1's kinds; the renewal check's came later (see renewalCheckSubjects).
            for kind in ReminderKind.allCases where ![.renewalLate, .renewalConfirmed].contains(kind) {
                for event in TemplateGoldenCases.events {
                    for (name, reminder) in TemplateGoldenCases.reminders(kind: kind, event: event) {
                        compare(
                            "\(styleName)/\(kind.rawValue)/\(event)/\(name)",
                            templates.render(reminder, zone: .utc),
                            brief: style == .brief ? reminder : nil
                        )
                    }
                }
            }
        }
        for (templateName, source) in TemplateGoldenCases.templates {
            let overrides = TemplateOverrides([.lowData: .init(subject: .init(source), body: .init(source))])
            let templates = try ReminderTemplates(overrides: overrides, style: .full)
            for event in TemplateGoldenCases.events {
                for (name, reminder) in TemplateGoldenCases.reminders(kind: .lowData, event: event) {
                    compare("template/\(templateName)/\(event)/\(name)", templates.render(reminder, zone: .utc))
                }
            }
        }
        #expect(checked == TemplateGolden.outputs.count)
    }
}
