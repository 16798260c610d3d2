import SimwatchChannels
import SimwatchConfig
import SimwatchCore
import SimwatchProviders
import Testing

@Suite struct AlertmanagerConfigTests {
    @Test func theConfigurationTakesBaseURLs() throws {
        func parse(_ table: String) throws -> Config {
            try Config.parse(
                text: table + """

                    [[line]]
                    id = "fr"
                    channels = ["am"]
                    [line.plan]
                    quota = "10GB"
                    [line.provider]
                    type = "demo"
                    """,
                path: "config.toml",
                environment: ["TZ": "UTC"],
                sources: ProviderCatalog.all,
                channels: ChannelCatalog.all
            )
        }
        let config = try parse(
            """
            [channels.am]
            type = "alertmanager"
            url = ["http://127.0.0.1:9093", "http://127.0.0.1:9094"]
            valid_for = "6h"
            runbook = "https://wiki.example/simwatch"
            """
        )
        let settings = try #require(config.channels.first?.kind.as(AlertmanagerSettings.self))
        #expect(settings.urls.map(\.text) == ["http://127.0.0.1:9093", "http://127.0.0.1:9094"])
        #expect(settings.validFor == .hours(6) && settings.runbook == "https://wiki.example/simwatch")
        #expect(config.channels.first?.kind.wantsResolved == true)
        #expect(AssessmentSettings(config).resolutionChannels == ["am"])
        #expect(throws: ConfigError.self) {
            try parse("[channels.am]\ntype = \"alertmanager\"\nurl = \"http://127.0.0.1:9093/api/v2/alerts\"\n")
        }
        #expect(throws: ConfigError.self) {
            try parse("[channels.am]\ntype = \"alertmanager\"\nurl = \"http://127.0.0.1:9093\"\nvalid_for = \"1m\"\n")
        }
    }
}
