import FoundationEssentials
import SimwatchConfig
import SimwatchCore
import SimwatchProviders
import Testing

@Suite struct CounterConfigTests: ProviderConfigSuite {
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
}
