import FoundationEssentials
import SimwatchConfig
import SimwatchCore
import SimwatchProviders
import Testing

@Suite struct OneNCEConfigTests: ProviderConfigSuite {
    @Test func oneNCE() throws {
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
    }
}
