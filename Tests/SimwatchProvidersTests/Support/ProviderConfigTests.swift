import FoundationEssentials
import SimwatchConfig
import SimwatchCore
import SimwatchProviders
import Testing

@Suite struct ProviderConfigTests {
    static let env = ["HOME": "/home/ana", "TZ": "UTC"]

    func parse(
        _ provider: String,
        plan: String = "quota = \"5GB\"\nvalid_for = \"30d\"",
        line: String = ""
    )
        throws(ConfigError) -> Line
    {
        let text = """
            [daemon]
            time_zone = "Europe/Paris"
            [[line]]
            id = "l1"
            \(line)
            [line.plan]
            \(plan)
            [line.provider]
            \(provider)
            """
        return try Config.parse(text: text, path: "/tmp/c.toml", environment: Self.env, sources: ProviderCatalog.all)
            .lines[0]
    }

    func problems(_ provider: String, line: String = "") -> [String] {
        do {
            _ = try parse(provider, line: line)
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    @Test func counters() throws {
        let line = try parse(#"type = "counters"\#ninterfaces = ["wwan0", "usb0"]\#ndirection = "rx""#)
        guard let c = line.provider.as(CounterProviderSettings.self) else {
            Issue.record("not counters")
            return
        }
        #expect(c.interfaces == ["wwan0", "usb0"])
        #expect(c.direction == .rx)
        #expect(c.sysfsRoot == "/sys")
        #expect(problems(#"type = "counters""#).first?.contains("missing `interfaces`") == true)
        #expect(problems(#"type = "counters"\#ninterfaces = "../etc""#).first?.contains("not an interface") == true)
    }

    @Test func airaloRaisesTheIntervalAndRefusesAShortOne() throws {
        let airalo = #"""
            type = "airalo"
            iccid = "8944465400000000000"
            client_id = "abc"
            secret_file = "~/.config/simwatch/airalo.secret"
            """#
        let line = try parse(airalo)
        #expect(line.pollInterval == .minutes(20))
        guard let a = line.provider.as(AiraloProviderSettings.self) else {
            Issue.record("not airalo")
            return
        }
        #expect(a.secret == .file("~/.config/simwatch/airalo.secret"))
        #expect(a.baseURL == AiraloProviderSettings.defaultBaseURL)
        #expect(problems(airalo, line: #"poll_interval = "5m""#).first?.contains("too short for a airalo line") == true)
        #expect(try parse(airalo, line: #"poll_interval = "1h""#).pollInterval == .hours(1))
        let noSecret = problems(#"type = "airalo"\#niccid = "8944465400000000000"\#nclient_id = "x""#)
        #expect(noSecret.first?.contains("missing the Airalo client secret") == true)
        #expect(problems(airalo + "\nclient_secret = \"oops\"").first?.contains("unknown key `client_secret`") == true)
    }

    @Test func oneNCEAndJSON() throws {
        let one = try parse(
            #"type = "1nce"\#niccid = "8988280666000000000"\#nusername = "api"\#ncredential = "1nce-password""#
        )
        #expect(
            one.provider
                == AnyProviderSettings(
                    OneNCEProviderSettings(
                        iccid: "8988280666000000000",
                        username: "api",
                        secret: .credential("1nce-password")
                    )
                )
        )

        let json = try parse(
            #"""
            type = "json"
            url = "https://api.example.net/sims/{iccid}"
            iccid = "8933000000000000001"
            auth = "header"
            auth_header = "X-API-Key"
            secret_file = "/etc/simwatch/key"
            remaining = "/balance/left"
            unit = "MB"
            expires = "/balance/until"
            date_format = "unix"
            status = "/state"
            status_map = { LIVE = "active", SUSPENDED = "not_active" }
            """#
        )
        guard let j = json.provider.as(JSONSourceSettings.self) else {
            Issue.record("not json")
            return
        }
        #expect(j.unitBytes == 1e6)
        #expect(j.dateFormat == .unix)
        #expect(j.statusMap == ["live": .active, "suspended": .notActive])
        #expect(j.auth == .header(name: "X-API-Key", secret: .file("/etc/simwatch/key")))
        #expect(problems(#"type = "json"\#nurl = "https://x/{iccid}"\#nremaining = "data""#).count == 2)
    }

    @Test func modemManagerPresetsAndPatterns() throws {
        let orange = try parse(#"type = "modemmanager"\#npreset = "orange-fr"\#niccid = "8933010000000000001""#)
        guard let m = orange.provider.as(ModemManagerProviderSettings.self) else {
            Issue.record("not modemmanager")
            return
        }
        #expect(m.query == .ussd(code: "#123#"))
        #expect(m.parser.timeZone.identifier == "Europe/Paris")

        let free = try parse(#"type = "modemmanager"\#npreset = "free-fr"\#nsms_max_age = "6h""#)
        guard let f = free.provider.as(ModemManagerProviderSettings.self) else {
            Issue.record("not modemmanager")
            return
        }
        #expect(f.query == .sms(from: "555", maxAge: .hours(6)))

        let bad = problems(##"type = "modemmanager"\##nussd = "#123#"\##nremaining_pattern = "(?<amount>[0-9""##)
        #expect(bad.first?.contains("not a valid regular expression") == true)
        #expect(problems(#"type = "modemmanager""#).first?.contains("say how to ask") == true)
    }

    @Test func execAndManual() throws {
        let exec = try parse(
            #"type = "exec"\#ncommand = ["/usr/local/bin/plan", "--json"]\#nsecret_file = "/k"\#nsecret_via = "file""#
        )
        guard let e = exec.provider.as(ExecProviderSettings.self) else {
            Issue.record("not exec")
            return
        }
        #expect(e.command == ["/usr/local/bin/plan", "--json"])
        #expect(e.secretDelivery == .file)
        #expect(problems(#"type = "exec"\#ncommand = "plan --json""#).first?.contains("runs without a shell") == true)
        #expect(try parse(#"type = "manual""#).provider == AnyProviderSettings(ManualProviderSettings(estimate: true)))
        #expect(
            try parse("type = \"manual\"\nestimate = false").provider
                == AnyProviderSettings(ManualProviderSettings(estimate: false))
        )
    }
}
