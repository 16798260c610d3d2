import FoundationEssentials
import SimwatchChannels
import SimwatchConfig
import SimwatchCore
import SimwatchProviders
import Testing

@Suite struct ConfigTests {
    static let env = ["HOME": "/home/ana", "TZ": "UTC"]

    static let good = """
        [daemon]
        time_zone = "Europe/Paris"
        poll_interval = "10m"
        quiet_hours = "22:00-08:00"

        [[rule]]
        kind = "data_below"
        threshold = "20%"

        [[line]]
        id = "fr-travel"
        name = "法国上网卡 Orange Holiday"
        [line.plan]
        quota = "1,5 Go"
        valid_for = "30d"
        [line.provider]
        type = "demo"
        daily_use = "500MiB"

        [[line]]
        id = "router"
        poll_interval = "1h"
        [line.plan]
        quota = "20GB"
        cycle_day = 5
        [line.provider]
        type = "demo"
        [[line.rule]]
        id = "nearly-out"
        kind = "data_below"
        threshold = ["2GB", "500MB"]
        severity = "critical"
        repeat = "diminishing 1d"
        [[line.rule]]
        kind = "expires_within"
        within = ["7d", "1d"]
        """

    func parse(_ text: String) throws(ConfigError) -> Config {
        try Config.parse(
            text: text,
            path: "/home/ana/.config/simwatch/config.toml",
            environment: Self.env,
            sources: ProviderCatalog.all,
            channels: ChannelCatalog.all
        )
    }

    func errors(_ text: String) -> [String] {
        do {
            _ = try parse(text)
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    @Test func decodesAGoodFile() throws {
        let config = try parse(Self.good)
        #expect(config.daemon.timeZone.identifier == "Europe/Paris")
        #expect(config.daemon.pollInterval == .minutes(10))
        #expect(config.daemon.quietHours != nil)
        #expect(config.lines.map(\.id) == ["fr-travel", "router"])
        let travel = config.lines[0]
        #expect(travel.name == "法国上网卡 Orange Holiday")
        #expect(travel.plan.quota == ByteCount(bytes: 1_500_000_000))
        #expect(travel.plan.validity == .validFor(.days(30)))
        #expect(travel.pollInterval == .minutes(10))
        #expect(travel.channels == ["journal"])
        #expect(travel.rules.map(\.id) == ["data-below"])
        #expect(travel.provider == AnyProviderSettings(DemoProviderSettings(dailyUse: ByteCount(bytes: 524_288_000))))
        let router = config.lines[1]
        #expect(router.plan.validity == .monthly(cycleDay: 5))
        #expect(router.rules.map(\.id) == ["nearly-out", "expires-within"])
        #expect(router.rules[0].severity == .critical)
        #expect(router.rules[0].repeatPolicy == .diminishing(start: .days(1), cap: .days(7)))
        #expect(router.rules[1].kind == .expiresWithin([.days(7), .days(1)]))
    }

    @Test func defaultRulesApplyWhenNoneAreGiven() throws {
        let config = try parse(
            """
            [[line]]
            id = "a"
            [line.plan]
            quota = "1GB"
            [line.provider]
            type = "demo"
            """
        )
        #expect(config.lines[0].rules.map(\.id) == DefaultRules.all.map(\.id))
    }

    @Test func unknownKeyNamesLineAndSuggests() {
        let text = Self.good.replacing("threshold = [\"2GB\", \"500MB\"]", with: "treshold = [\"2GB\", \"500MB\"]")
        let errs = errors(text)
        #expect(errs.count == 2)
        #expect(
            errs.contains(
                "unknown key `treshold` in [[line.rule]] #1 of line 'router' (rule 'nearly-out') at config.toml:31; did you mean `threshold`?"
            )
        )
        #expect(errs.contains { $0.hasPrefix("missing `threshold`") && $0.contains("config.toml:28") })
    }

    @Test func unknownKeyInLine() {
        let errs = errors(Self.good.replacing("poll_interval = \"1h\"", with: "pol_interval = \"1h\""))
        #expect(
            errs == ["unknown key `pol_interval` in [[line]] 'router' at config.toml:22; did you mean `poll_interval`?"]
        )
    }

    @Test func badQuantityNamesKeyAndLine() {
        let errs = errors(Self.good.replacing("quota = \"20GB\"", with: "quota = \"20 GX\""))
        #expect(errs.count == 1)
        #expect(errs[0].contains("`quota`"))
        #expect(errs[0].contains("[line.plan] of line 'router' at config.toml:24"))
    }

    @Test func syntaxErrorNamesLine() {
        let errs = errors("[daemon]\npoll_interval = \"5m\nfoo = 1\n")
        #expect(errs.count == 1)
        #expect(errs[0].hasPrefix("TOML syntax error"))
        #expect(errs[0].contains("config.toml:2"))
    }

    @Test func reportsEveryProblemAtOnce() {
        let text = """
            [daemon]
            poll_intervall = "5m"
            time_zone = "Mars/Olympus"

            [[line]]
            id = "Bad Id"
            [line.provider]
            type = "demoo"
            [[line.rule]]
            kind = "data_belo"
            """
        let errs = errors(text)
        #expect(
            errs.contains {
                $0.contains("unknown key `poll_intervall`") && $0.contains("did you mean `poll_interval`?")
            }
        )
        #expect(errs.contains { $0.contains("`time_zone`") && $0.contains("config.toml:3") })
        #expect(errs.contains { $0.contains("line id `Bad Id`") && $0.contains("config.toml:6") })
        #expect(errs.contains { $0.contains("unknown provider type `demoo`") && $0.contains("did you mean `demo`?") })
        #expect(
            errs.contains { $0.contains("unknown rule kind `data_belo`") && $0.contains("did you mean `data_below`?") }
        )
    }

    @Test func duplicateIdsAndStageOrder() {
        let text = """
            [[line]]
            id = "a"
            [line.plan]
            quota = "1GB"
            [line.provider]
            type = "demo"
            [[line.rule]]
            kind = "expires_within"
            within = ["1d", "7d"]
            [[line]]
            id = "a"
            [line.plan]
            quota = "1GB"
            [line.provider]
            type = "demo"
            """
        let errs = errors(text)
        #expect(errs.contains { $0.contains("longest to shortest") && $0.contains("config.toml:9") })
        #expect(errs.contains { $0.contains("duplicate line id `a`") && $0.contains("config.toml:11") })
    }

    @Test(arguments: [
        ("repeat = \"12h\"", "write \"every 12h\""),
        ("repeat = \"sometimes\"", "write \"once\", \"every 12h\" or \"diminishing 1d\""),
        ("severity = \"loud\"", "use info, warning or critical"),
        ("channels = [\"jurnal\"]", "did you mean `journal`?"),
    ])
    func valueErrorsCarryHints(line: String, hint: String) {
        let text = """
            [[line]]
            id = "a"
            \(line.hasPrefix("channels") ? line : "")
            [line.plan]
            quota = "1GB"
            [line.provider]
            type = "demo"
            [[line.rule]]
            kind = "stale"
            after = "1d"
            \(line.hasPrefix("channels") ? "" : line)
            """
        let errs = errors(text)
        #expect(errs.count == 1)
        #expect(errs.first?.hasSuffix(hint) == true, "\(errs)")
    }

    @Test func nativeTOMLDatesAreAccepted() throws {
        let config = try parse(
            """
            [daemon]
            time_zone = "Europe/Paris"
            [[line]]
            id = "a"
            [line.plan]
            quota = "1GB"
            expires = 2026-12-15T10:00:00+01:00
            started = 2026-11-15
            [line.provider]
            type = "demo"
            """
        )
        let plan = config.lines[0].plan
        #expect(plan.validity == .expires(Date(timeIntervalSince1970: 1_797_325_200)))
        #expect(plan.started == Date(timeIntervalSince1970: 1_794_697_200))
    }

    @Test func missingFileSaysHowToFix() {
        do {
            _ = try Config.load(
                path: "/nonexistent/simwatch.toml",
                environment: Self.env,
                sources: ProviderCatalog.all,
                channels: ChannelCatalog.all
            )
            Issue.record("expected an error")
        } catch {
            #expect(error.description.contains("cannot read the configuration"))
            #expect(error.description.contains("config/simwatch.example.toml"))
        }
    }

    @Test(
        arguments: [("treshold", "threshold"), ("poll_intervl", "poll_interval"), ("xyzzy", nil)] as [(String, String?)]
    )
    func suggestions(word: String, expected: String?) {
        #expect(Suggestion.nearest(to: word, in: ["threshold", "poll_interval", "severity"]) == expected)
    }
}

@Suite struct ConfigValidationTests {
    func errors(_ body: String) -> [String] {
        let text = """
            [[line]]
            id = "a"
            [line.plan]
            quota = "1GB"
            [line.provider]
            type = "demo"
            \(body)
            """
        do {
            _ = try Config.parse(
                text: text,
                path: "config.toml",
                environment: ["TZ": "UTC"],
                sources: ProviderCatalog.all,
                channels: ChannelCatalog.all
            )
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    @Test func repeatMustBeAtLeastAMinute() {
        let errs = errors("[[line.rule]]\nkind = \"stale\"\nafter = \"1d\"\nrepeat = \"every 0s\"")
        #expect(errs.count == 1)
        #expect(errs.first?.contains("would remind at every poll") == true)
    }

    @Test func repeatCapWithoutDiminishingIsAnError() {
        let errs = errors("[[line.rule]]\nkind = \"stale\"\nafter = \"1d\"\nrepeat = \"every 1d\"\nrepeat_cap = \"3d\"")
        #expect(
            errs == [
                "`repeat_cap` applies only to diminishing repeats in [[line.rule]] #1 of line 'a' (rule 'stale') at config.toml:11; remove it"
            ]
        )
    }

    @Test func repeatCapAppliesToTheDefaultDiminishingSchedule() throws {
        let config = try Config.parse(
            text: "[[line]]\nid = \"a\"\n[line.plan]\nquota = \"1GB\"\n[line.provider]\ntype = \"demo\"\n"
                + "[[line.rule]]\nkind = \"expires_within\"\nwithin = \"3d\"\nrepeat_cap = \"2d\"",
            path: "config.toml",
            environment: ["TZ": "UTC"],
            sources: ProviderCatalog.all,
            channels: ChannelCatalog.all,
        )
        #expect(config.lines[0].rules[0].repeatPolicy == .diminishing(start: .days(1), cap: .days(2)))
    }

    @Test func duplicateRuleIdPointsAtTheDuplicate() {
        let errs = errors(
            "[[line.rule]]\nkind = \"stale\"\nafter = \"1d\"\n[[line.rule]]\nkind = \"stale\"\nafter = \"2d\""
        )
        #expect(
            errs == [
                "duplicate rule id `stale` in [[line.rule]] #2 of line 'a' at config.toml:11; give each rule its own `id`"
            ]
        )
    }

    @Test func linePollIntervalHasAFloor() {
        let text =
            "[[line]]\nid = \"a\"\npoll_interval = \"1s\"\n[line.plan]\nquota = \"1GB\"\n[line.provider]\ntype = \"demo\""
        #expect(throws: ConfigError.self) {
            try Config.parse(
                text: text,
                path: "c.toml",
                environment: [:],
                sources: ProviderCatalog.all,
                channels: ChannelCatalog.all
            )
        }
    }

    @Test func allDayQuietHoursAreRefused() {
        let errs = errors("").isEmpty
        #expect(errs)
        let text =
            "[daemon]\nquiet_hours = \"00:00-24:00\"\n[[line]]\nid = \"a\"\n[line.plan]\nquota = \"1GB\"\n[line.provider]\ntype = \"demo\""
        do {
            _ = try Config.parse(
                text: text,
                path: "config.toml",
                environment: ["TZ": "UTC"],
                sources: ProviderCatalog.all,
                channels: ChannelCatalog.all
            )
            Issue.record("expected an error")
        } catch {
            #expect(error.diagnostics.first?.description.contains("covers the whole day") == true)
        }
    }

    @Test func paceWindowNeedsRawReadings() {
        let text =
            "[daemon]\npace_window = \"30d\"\n[[line]]\nid = \"a\"\n[line.plan]\nquota = \"1GB\"\n[line.provider]\ntype = \"demo\""
        do {
            _ = try Config.parse(
                text: text,
                path: "config.toml",
                environment: ["TZ": "UTC"],
                sources: ProviderCatalog.all,
                channels: ChannelCatalog.all
            )
            Issue.record("expected an error")
        } catch {
            #expect(error.diagnostics.first?.description.contains("config.toml:2") == true)
        }
    }
}
