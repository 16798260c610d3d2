import FoundationEssentials
import SimwatchConfig
import SimwatchCore
import SimwatchProviders
import Testing

@Suite struct ManualConfigTests: ProviderConfigSuite {
    @Test func manual() throws {
        #expect(try parse(#"type = "manual""#).provider == AnyProviderSettings(ManualProviderSettings(estimate: true)))
        #expect(
            try parse("type = \"manual\"\nestimate = false").provider
                == AnyProviderSettings(ManualProviderSettings(estimate: false))
        )
    }
}
