import FoundationEssentials
import SimwatchConfig
import SimwatchCore
import SimwatchProviders
import Testing

@Suite struct AiraloConfigTests: ProviderConfigSuite {
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
}
