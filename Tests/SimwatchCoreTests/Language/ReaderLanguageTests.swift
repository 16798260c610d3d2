import FoundationEssentials
import SimwatchChannels
import SimwatchConfig
import SimwatchCore
import SimwatchProviders
import Testing

/// Which language each reader gets, from the configuration to the reminders of one assessment.
@Suite struct ReaderLanguageTests {
    static func config(_ extra: String = "", daemon: String = "zh") throws(ConfigError) -> Config {
        try Config.parse(
            text: """
                [daemon]
                time_zone = "UTC"
                language = "\(daemon)"

                [channels.reseller]
                type = "email"
                from = "simwatch@example.com"
                to = "shop@example.com"
                language = "en"

                [channels.customers]
                type = "email"
                from = "simwatch@example.com"
                language = "en"

                [channels.phone]
                type = "ntfy"
                url = "https://ntfy.example.com/topic"

                [channels.desk]
                type = "desktop"
                language = "fr"

                [[line]]
                id = "client"
                name = "Orange Holiday"
                language = "fr"
                channels = ["reseller", "customers", "phone", "desk"]
                [line.plan]
                quota = "10GB"
                valid_for = "30d"
                [line.provider]
                type = "demo"
                [line.email]
                to = "Client <client@example.net>"
                channels = ["customers"]
                [[line.rule]]
                id = "low"
                kind = "data_below"
                threshold = "2GB"
                \(extra)
                """,
            path: "config.toml",
            environment: ["TZ": "UTC"],
            sources: ProviderCatalog.all,
            channels: ChannelCatalog.all
        )
    }

    @Test func theMostSpecificReaderWins() throws {
        let config = try Self.config()
        #expect(config.daemon.language == .zh)
        #expect(config.lines[0].language == .fr)
        #expect(config.channels.first { $0.name == "desk" }?.language == .fr)
        let settings = AssessmentSettings(config)
        let line = config.lines[0]
        // The journal is the operator's: the daemon's language.
        #expect(settings.language(of: line, through: "journal") == .zh)
        // A channel with one reader of its own: the channel's language over the line's.
        #expect(settings.language(of: line, through: "reseller") == .en)
        // The line's own recipients read the line's language, whatever the channel says.
        #expect(settings.language(of: line, through: "customers") == .fr)
        // A channel without a language: the line's.
        #expect(settings.language(of: line, through: "phone") == .fr)
        var plain = line
        plain.language = nil
        #expect(settings.language(of: plain, through: "phone") == .zh)
        #expect(settings.language(of: plain, through: "customers") == .en)
    }

    @Test func oneAssessmentWritesEachReminderInItsReadersLanguage() throws {
        let config = try Self.config()
        let noon = Date(timeIntervalSince1970: 1_796_385_600)  // Fri 4 Dec 2026 12:00 UTC
        let reading = Reading(
            lineID: "client",
            observedAt: noon,
            remaining: ByteCount(bytes: 984_000_000),
            total: ByteCount(bytes: 2_500_000_000),
            source: "demo"
        )
        let outcome = LineAssessment.assess(
            AssessmentInput(
                line: config.lines[0],
                record: LineRecord(lineID: "client", firstSeen: noon - 86_400),
                latest: nil,
                recent: [reading],
                alerts: [:],
                trigger: .poll(.success(reading), attemptRecorded: false),
                now: noon,
                settings: AssessmentSettings(config)
            )
        )
        let byChannel = Dictionary(uniqueKeysWithValues: outcome.reminders.map { ($0.channel, $0) })
        #expect(
            byChannel.mapValues(\.language) == [
                "journal": .zh, "reseller": .en, "customers": .fr, "phone": .fr, "desk": .fr,
            ]
        )
        #expect(byChannel["journal"]?.summary.hasPrefix("Orange Holiday：剩余 984 MB（共 2.5 GB，39%）") == true)
        #expect(byChannel["reseller"]?.summary.hasPrefix("Orange Holiday: 984 MB left of 2.5 GB (39%)") == true)
        #expect(
            byChannel["customers"]?.summary.hasPrefix("Orange Holiday : il vous reste 984 Mo sur 2,5 Go (39 %)") == true
        )
        #expect(byChannel["customers"]?.details.first == "Il vous reste 984 Mo sur 2,5 Go (39 %)")
        // The history is the operator's too.
        #expect(outcome.log.first?.summary == byChannel["journal"]?.summary)
        // Ids and machine fields do not change with the language.
        #expect(byChannel["customers"]?.id == "client/low/1/1/customers")
        #expect(byChannel["customers"]?.remaining == ByteCount(bytes: 984_000_000))
    }

    @Test func anUnknownLanguageIsAnErrorThatSaysWhichAreKnown() {
        #expect {
            _ = try Self.config(daemon: "de")
        } throws: { error in
            "\(error)".contains("`language` = \"de\" is not known")
        }
        #expect(throws: ConfigError.self) { _ = try Self.config("[templates.de.low_data]\nsubject = \"x\"") }
    }

    @Test func templatesPerLanguageWinOverTemplatesForAll() throws {
        let config = try Self.config(
            """
            [templates.low_data]
            subject = "ALL {{line.name}}"
            [templates.fr.low_data]
            subject = "FR {{line.name}} : {{remaining}}"
            [templates.zh.default]
            body = "ZH {{summary}}"
            [channels.desk.templates.fr.low_data]
            subject = "DESK FR"
            """
        )
        let customers = try #require(config.channels.first { $0.name == "customers" }?.templates)
        let desk = try #require(config.channels.first { $0.name == "desk" }?.templates)
        #expect(customers.pair(.lowData, in: .fr).subject?.source == "FR {{line.name}} : {{remaining}}")
        #expect(customers.pair(.lowData, in: .en).subject?.source == "ALL {{line.name}}")
        #expect(customers.pair(.stale, in: .zh).body?.source == "ZH {{summary}}")
        #expect(customers.pair(.stale, in: .fr).body == nil)
        #expect(desk.pair(.lowData, in: .fr).subject?.source == "DESK FR")
        #expect(desk.pair(.lowData, in: .zh).subject?.source == "ALL {{line.name}}")

        let templates = try ReminderTemplates(overrides: customers, style: .full)
        let french = LanguageFixture.reminder(.lowData, event: "firing", language: .fr)
        #expect(templates.render(french, zone: .utc).subject == "FR Orange Holiday : 984 Mo")
        let chinese = LanguageFixture.reminder(.stale, event: "firing", language: .zh)
        #expect(templates.render(chinese, zone: .utc).body.hasPrefix("ZH Orange Holiday："))
    }
}

/// `simwatchctl test-notify` speaks the channel's reader's language too; English as it always was.
@Suite struct TestNoticeLanguageTests {
    static let now = Fixture.start

    @Test(arguments: [
        (
            Language.en, "Orange Holiday: test reminder through mail; if you read this, the channel works",
            "Sent by simwatchctl test-notify at Fri 20 Nov 00:00 UTC"
        ),
        (
            .fr, "Orange Holiday : rappel de test par mail ; si vous lisez ceci, le canal fonctionne",
            "Envoyé par simwatchctl test-notify le ven. 20 nov. 00:00 UTC"
        ),
        (
            .zh, "Orange Holiday：通过 mail 发送的测试提醒；能看到这条消息，说明该渠道正常",
            "由 simwatchctl test-notify 于 11月20日 周五 00:00 UTC 发送"
        ),
    ])
    func theNotice(_ language: Language, _ summary: String, _ detail: String) {
        let text = ReminderComposer(zone: .utc, language: language)
            .composeTestNotice(name: "Orange Holiday", channel: "mail", now: Self.now)
        #expect(text.summary == summary)
        #expect(text.details == [detail])
    }

    @Test func withoutALineTheChannelsLanguageElseTheDaemons() throws {
        let settings = AssessmentSettings(try ReaderLanguageTests.config())
        #expect(settings.language(of: nil, through: "desk") == .fr)
        #expect(settings.language(of: nil, through: "phone") == .zh)
        #expect(settings.language(of: nil, through: "journal") == .zh)
    }
}
