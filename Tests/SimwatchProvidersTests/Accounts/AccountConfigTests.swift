import FoundationEssentials
import SimwatchChannels
import SimwatchConfig
import SimwatchCore
import SimwatchProviders
import Testing

/// `[accounts.NAME]` and the lines that use one.
@Suite struct AccountConfigTests {
    static let env = ["HOME": "/home/ana", "TZ": "UTC"]

    static let airaloAccount = #"""
        [accounts.airalo-main]
        type = "airalo"
        client_id = "partner-42"
        secret_file = "~/.config/simwatch/airalo.secret"
        base_url = "https://airalo.example"
        timeout = "10s"
        requests_per_minute = 30
        """#

    static func line(_ id: String, provider: String) -> String {
        """
        [[line]]
        id = "\(id)"
        [line.plan]
        quota = "5GB"
        valid_for = "30d"
        [line.provider]
        \(provider)
        """
    }

    func parse(_ text: String) throws(ConfigError) -> Config {
        try Config.parse(
            text: text,
            path: "/etc/simwatch/config.toml",
            environment: Self.env,
            sources: ProviderCatalog.all,
            channels: ChannelCatalog.all
        )
    }

    func problems(_ text: String) -> [String] {
        do {
            _ = try parse(text)
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    /// A mistyped key in an account is told with the account's keys, not a line's (`iccid` belongs to the lines).
    @Test func anUnknownAccountKeySuggestsTheAccountsKeys() {
        let found = problems(
            Self.airaloAccount + "\nrequest_per_minute = 20\ncolour = \"blue\"\n"
                + Self.line("a", provider: #"account = "airalo-main"\#niccid = "8944465400000000017""#)
        )
        #expect(found.count == 2)
        #expect(
            found.contains { $0.contains("unknown key `request_per_minute`") && $0.contains("`requests_per_minute`") }
        )
        let colour = found.first { $0.contains("unknown key `colour`") } ?? ""
        #expect(colour.contains("known keys: type, client_id"))
        #expect(colour.contains("requests_per_minute"))
        #expect(colour.contains("discover_every"))
        #expect(!colour.contains("iccid"))
    }

    @Test func twoLinesShareOneAccountWithTheirOwnICCIDs() throws {
        let config = try parse(
            Self.airaloAccount + "\n"
                + Self.line("a", provider: #"account = "airalo-main"\#niccid = "8944465400000000017""#) + "\n"
                + Self.line("b", provider: #"account = "airalo-main"\#niccid = "8944465400000000025""#)
        )
        #expect(
            config.accounts["airalo-main"]
                == ProviderAccount(name: "airalo-main", type: "airalo", requestsPerMinute: 30)
        )
        #expect(config.lines.map(\.account) == ["airalo-main", "airalo-main"])
        let settings = config.lines.compactMap { $0.provider.as(AiraloProviderSettings.self) }
        #expect(settings.map(\.iccid) == ["8944465400000000017", "8944465400000000025"])
        #expect(settings.allSatisfy { $0.clientID == "partner-42" && $0.baseURL == "https://airalo.example" })
        #expect(
            settings.allSatisfy {
                $0.secret == .file("~/.config/simwatch/airalo.secret") && $0.timeout == TimeSpan(seconds: 10)
            }
        )
        // Airalo's per-ICCID floor stays the line's minimum interval.
        #expect(config.lines.allSatisfy { $0.pollInterval == .minutes(20) })
    }

    @Test func defaultRatesComeFromTheProviders() throws {
        let config = try parse(
            #"""
            [accounts.a]
            type = "airalo"
            client_id = "x"
            credential = "airalo"
            [accounts.n]
            type = "1nce"
            username = "api-user"
            credential = "1nce"
            """# + "\n" + Self.line("one", provider: #"account = "n"\#niccid = "8988228066600000001""#)
        )
        #expect(config.accounts["a"]?.requestsPerMinute == 40)
        #expect(config.accounts["n"]?.requestsPerMinute == 600)
        #expect(config.lines[0].provider.as(OneNCEProviderSettings.self)?.username == "api-user")
    }

    @Test func oldStyleLinesStillWork() throws {
        let config = try parse(
            Self.line(
                "old",
                provider: #"""
                    type = "airalo"
                    iccid = "8944465400000000017"
                    client_id = "abc"
                    secret_file = "/etc/simwatch/airalo.secret"
                    """#
            )
        )
        #expect(config.lines[0].account == nil)
        #expect(config.accounts.isEmpty)
    }

    @Test func aLineMayNotRepeatOrOverrideItsAccount() {
        let found = problems(
            Self.airaloAccount + "\n"
                + Self.line(
                    "a",
                    provider:
                        #"account = "airalo-main"\#niccid = "8944465400000000017"\#nclient_id = "other"\#ncolour = 1"#
                )
        )
        #expect(found.count == 2, "\(found)")
        #expect(
            found.contains {
                $0.contains("`client_id` comes from [accounts.airalo-main]") && $0.contains("config.toml:16")
                    && $0.contains("remove it here")
            }
        )
        #expect(found.contains { $0.contains("unknown key `colour` for a line of an account") })
    }

    @Test func anUnknownAccountSuggestsTheNearestName() {
        let found = problems(
            Self.airaloAccount + "\n"
                + Self.line("a", provider: #"account = "airalo-mian"\#niccid = "8944465400000000017""#)
        )
        #expect(
            found == [
                "unknown account `airalo-mian` in [line.provider] of line 'a' at config.toml:14; did you mean `airalo-main`?"
            ]
        )
        let none = problems(Self.line("a", provider: #"account = "fleet"\#niccid = "8944465400000000017""#))
        #expect(none.first?.contains("declare it as [accounts.fleet]") == true)
    }

    @Test func accountMistakesAreReportedOnceInTheAccount() {
        let text = #"""
            [accounts.main]
            type = "airalo"
            client_id = "x"
            secret_file = "relative/path"
            iccid = "8944465400000000017"
            requests_per_minute = 0
            colour = "red"
            [accounts.modem]
            type = "modemmanager"
            [accounts.typo]
            type = "airaol"
            """# + "\n"
            + Self.line("a", provider: #"account = "main"\#niccid = "8944465400000000017""#) + "\n"
            + Self.line("b", provider: #"account = "main""#)
        let found = problems(text)
        #expect(
            found.contains {
                $0.contains("`iccid` belongs to each line") && $0.contains("[accounts.main] at config.toml:5")
            }
        )
        #expect(
            found.contains { $0.contains("`requests_per_minute` = 0 is out of range") && $0.contains("config.toml:6") }
        )
        #expect(
            found.contains { $0.contains("`secret_file` must be an absolute path") && $0.contains("config.toml:4") }
        )
        #expect(found.contains { $0.contains("unknown key `colour`") && $0.contains("[accounts.main]") })
        #expect(found.contains { $0.contains("a `modemmanager` source has no accounts") })
        #expect(
            found.contains { $0.contains("unknown account type `airaol`") && $0.contains("did you mean `airalo`?") }
        )
        #expect(found.contains { $0.contains("missing `iccid`") && $0.contains("line 'b'") })
        // The account's mistake is not repeated for each of its lines.
        #expect(found.filter { $0.contains("`secret_file` must") }.count == 1, "\(found)")
    }

    @Test func discoveryTemplatesAreLinesOfTheAccount() throws {
        let text = #"""
            [accounts.fleet]
            type = "airalo"
            client_id = "x"
            credential = "airalo"
            discover = true
            [accounts.fleet.lines]
            poll_interval = "2h"
            language = "fr"
            [accounts.fleet.lines.plan]
            quota = "3GB"
            valid_for = "30d"
            """#
        // No [[line]] is needed when an account discovers them.
        let config = try parse(text)
        let template = try #require(config.discovery["fleet"])
        #expect(template.every == .hours(6))
        let line = try #require(template.line(for: DiscoveredSIM(iccid: "8944465400000000017", name: "Ana")))
        #expect(line.id == "fleet-8944465400000000017" && line.name == "Ana" && line.account == "fleet")
        #expect(line.pollInterval == .hours(2) && line.language == .fr)
        #expect(line.provider.as(AiraloProviderSettings.self)?.iccid == "8944465400000000017")
        #expect(
            template.line(for: DiscoveredSIM(iccid: "8944465400000000025", name: nil))?.name == "8944465400000000025"
        )
    }

    @Test func discoveryMistakes() {
        let found = problems(
            #"""
            [accounts.fleet]
            type = "airalo"
            client_id = "x"
            credential = "airalo"
            discover = true
            discover_every = "10m"
            [accounts.fleet.lines]
            id = "nope"
            poll_interval = "5m"
            [accounts.other]
            type = "1nce"
            username = "u"
            credential = "c"
            discover_every = "2h"
            """#
        )
        #expect(found.contains { $0.contains("`discover_every` = 10m is too short") && $0.contains("config.toml:6") })
        #expect(
            found.contains {
                $0.contains("`id` of a discovered line is set by discovery") && $0.contains("config.toml:8")
            }
        )
        #expect(found.contains { $0.contains("`poll_interval` = 5m is too short") && $0.contains("config.toml:9") })
        #expect(found.contains { $0.contains("`discover_every` applies only to an account with `discover = true`") })
    }
}
