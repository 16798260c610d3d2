import FoundationEssentials
import SimwatchChannels
import SimwatchConfig
import SimwatchCore
import SimwatchProviders
import Testing

/// Out-of-range numbers in the configuration are a diagnostic naming the key, never a crash.
@Suite struct ConfigLimitsTests {
    static func diagnostics(daemon: String = "", plan: String = "quota = \"1GB\"", provider: String = "") -> [String] {
        let text = """
            [daemon]
            \(daemon)
            [[line]]
            id = "a"
            [line.plan]
            \(plan)
            [line.provider]
            type = "demo"
            \(provider)
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

    @Test(
        arguments: [
            ("quota = \"99999999999 Go\"", "`quota`: data amount '99999999999 Go' is more than 1 PB"),
            ("quota = \"9223372036854775807\"", "`quota`: data amount '9223372036854775807' is more than 1 PB"),
            (
                "quota = \"1GB\"\nvalid_for = \"9999999999999d\"",
                "`valid_for`: duration '9999999999999d' is longer than 100 years"
            ),
            ("quota = \"1GB\"\nexpires = \"0000-01-01\"", "`expires` "),
            ("quota = \"1GB\"\nexpires = 1900-01-01", "is outside 1970-01-01 to 9999-12-31"),
            ("quota = \"1GB\"\nstarted = \"1969-12-31T23:59:59Z\"", "`started`"),
            ("quota = \"1GB\"\nexpires = \"9999-12-31T23:59:60Z\"", "out of range"),
            ("quota = \"1GB\"\ncycle_day = 99999999999", "`cycle_day` = 99999999999 is out of range"),
        ]
    )
    func planValues(plan: String, fragment: String) {
        let found = Self.diagnostics(plan: plan)
        #expect(found.contains { $0.contains(fragment) }, "\(found)")
    }

    @Test(
        arguments: [
            ("time_scale = inf", "`time_scale` = inf is out of range"),
            ("time_scale = nan", "`time_scale` = nan is out of range"),
            ("time_scale = 1e308", "is out of range"),
            ("time_scale = -9223372036854775808", "is out of range"),
            (
                "poll_interval = \"99999999999999w\"",
                "`poll_interval`: duration '99999999999999w' is longer than 100 years"
            ),
            ("poll_timeout = \"1e19s\"", "`poll_timeout`"),
            (
                "max_concurrent_polls = 9223372036854775807",
                "`max_concurrent_polls` = 9223372036854775807 is out of range"
            ),
            ("quiet_hours = \"25:00-07:00\"", "`quiet_hours`"),
            ("keep_raw_readings = \"36525d 1s\"", "longer than 100 years"),
        ]
    )
    func daemonValues(daemon: String, fragment: String) {
        let found = Self.diagnostics(daemon: daemon)
        #expect(found.contains { $0.contains(fragment) }, "\(found)")
    }

    @Test(
        arguments: [
            ("daily_use = \"99999999999 Go\"", "`daily_use`: data amount '99999999999 Go' is more than 1 PB"),
            ("daily_use = \"1,5 Go\"", nil),
            ("fail_every = 1e19", "`fail_every` must be a whole number"),
        ] as [(String, String?)]
    )
    func providerValues(provider: String, fragment: String?) {
        let found = Self.diagnostics(provider: provider)
        if let fragment {
            #expect(found.contains { $0.contains(fragment) }, "\(found)")
        } else {
            #expect(found.isEmpty, "\(found)")
        }
    }

    @Test func thresholdsAndMoneyOutOfRange() {
        let rule = "[[line.rule]]\nkind = \"data_below\"\nthreshold = \"2000 TB\""
        let found = Self.diagnostics(provider: rule)
        #expect(found.contains { $0.contains("more than 1 PB") }, "\(found)")
        let percent = Self.diagnostics(provider: "[[line.rule]]\nkind = \"data_below\"\nthreshold = \"1e400%\"")
        #expect(!percent.isEmpty)
    }
}
