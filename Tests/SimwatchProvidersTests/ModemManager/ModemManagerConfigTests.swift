import FoundationEssentials
import SimwatchConfig
import SimwatchCore
import SimwatchProviders
import Testing

@Suite struct ModemManagerConfigTests: ProviderConfigSuite {
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
}
