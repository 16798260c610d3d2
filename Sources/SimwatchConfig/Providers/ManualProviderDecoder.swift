import SimwatchCore
/// `type = "manual"`: readings entered by hand, estimated between entries unless `estimate = false`.
enum ManualProviderDecoder: ProviderDecoder.Family {
    static let type = "manual"

    static func decode(_ table: TableReader, line: ProviderDecoder.LineContext) -> ProviderSettings? {
        let estimate = table.bool("estimate") ?? true
        table.finish(allowing: ["type", "estimate"])
        return .manual(ManualProviderSettings(estimate: estimate))
    }
}
