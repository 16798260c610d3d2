import SimwatchConfig
import SimwatchCore

/// `type = "manual"`: readings entered by hand, estimated between entries unless `estimate = false`.
enum ManualSource: ProviderSource {
    static func decode(_ table: TableReader, line: ProviderDecoder.LineContext) -> ManualProviderSettings? {
        let estimate = table.bool("estimate") ?? true
        table.finish(allowing: ["type", "estimate"])
        return ManualProviderSettings(estimate: estimate)
    }

    static func makeProvider(_ settings: ManualProviderSettings, context: ProviderContext) -> any UsageProvider {
        // A manual line is estimated by the assessment (ManualEstimate); nothing is ever read.
        ManualProvider()
    }
}
