import FoundationEssentials
import SimwatchChannels
import SimwatchConfig
import SimwatchCore
import SimwatchProviders

/// What a suite of one source's `[line.provider]` tests shares: one line in a configuration (its plan, its
/// provider table) read with every source in the catalog, or the problems it has.
protocol ProviderConfigSuite {}

extension ProviderConfigSuite {
    static var env: [String: String] { ["HOME": "/home/ana", "TZ": "UTC"] }

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
        return try Config.parse(
            text: text,
            path: "/tmp/c.toml",
            environment: Self.env,
            sources: ProviderCatalog.all,
            channels: ChannelCatalog.all
        )
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
}
