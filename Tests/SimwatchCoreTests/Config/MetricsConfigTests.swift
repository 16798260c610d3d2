import SimwatchChannels
import SimwatchConfig
import SimwatchCore
import SimwatchProviders
import Testing

@Suite struct MetricsConfigTests {
    static func parse(_ metrics: String) throws(ConfigError) -> Config {
        try Config.parse(
            text: metrics + """

                [[line]]
                id = "fr"
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

    static func messages(_ metrics: String) -> [String] {
        do {
            _ = try parse(metrics)
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    @Test func metricsAreOffUnlessAskedFor() throws {
        #expect(try Self.parse("").metrics.isEnabled == false)
        let config = try Self.parse(
            """
            [metrics]
            listen = "127.0.0.1:9787"
            textfile = "/var/lib/node_exporter/textfile_collector/simwatch.prom"
            """
        )
        #expect(config.metrics.listen?.description == "127.0.0.1:9787")
        #expect(config.metrics.textfile == "/var/lib/node_exporter/textfile_collector/simwatch.prom")
    }

    @Test func anAddressOtherHostsReachMustBeAllowed() throws {
        let refused = Self.messages("[metrics]\nlisten = \"0.0.0.0:9787\"\n")
        #expect(refused.count == 1 && refused[0].contains("not a loopback address"))
        #expect(refused[0].contains("allow_remote = true"))
        let allowed = try Self.parse("[metrics]\nlisten = \"0.0.0.0:9787\"\nallow_remote = true\n")
        #expect(allowed.metrics.listen?.isLoopback == false)
    }

    @Test func mistakesAreNamed() {
        #expect(Self.messages("[metrics]\n").first?.contains("neither `listen` nor `textfile`") == true)
        #expect(Self.messages("[metrics]\nlisten = \"localhost:9787\"\n").first?.contains("IPv4") == true)
        #expect(Self.messages("[metrics]\ntextfile = \"simwatch.prom\"\n").first?.contains("absolute") == true)
        #expect(Self.messages("[metrics]\ntextfile = \"/tmp/simwatch.txt\"\n").first?.contains(".prom") == true)
        #expect(Self.messages("[metrics]\nlisten = \"127.0.0.1:1\"\nport = 3\n").first?.contains("port") == true)
    }
}
