import SimwatchCore

/// Decodes `[line.provider]`: its `type` picks one family's decoder from `families` (each in its own file under
/// Providers/, knowing its own keys); a missing or unknown type is reported with the known ones.
enum ProviderDecoder {
    /// One family of providers: the `type = "..."` that selects it and the keys of its table.
    protocol Family: Sendable {
        static var type: String { get }
        /// The settings, or nil after reporting why not; reports unknown keys too.
        static func decode(_ table: TableReader, line: LineContext) -> ProviderSettings?
    }

    /// What a provider's keys may depend on from the rest of its `[[line]]`.
    struct LineContext {
        /// The line's `[line.plan]`.
        let plan: PlanSettings
        /// Whether `[line.plan]` has a `quota`, even one that failed to parse (reported already, so a provider
        /// that needs one does not also say it is missing).
        let quotaWritten: Bool
        /// The daemon's time zone, for sources whose replies give local times.
        let zone: ZoneInfo
    }

    /// Every family, in the order hints list their types.
    static let families: [any Family.Type] = [
        DemoProviderDecoder.self, CounterProviderDecoder.self, AiraloProviderDecoder.self, OneNCEProviderDecoder.self,
        JSONProviderDecoder.self, ModemManagerProviderDecoder.self, ExecProviderDecoder.self,
        ManualProviderDecoder.self,
    ]

    static var types: [String] { families.map { $0.type } }

    static func decode(
        _ table: TableReader,
        plan: PlanSettings,
        quotaWritten: Bool,
        zone: ZoneInfo
    ) -> ProviderSettings? {
        guard let type = table.string("type") else {
            if !table.has("type") {
                table.error(nil, "missing `type`", hint: "one of: \(types.joined(separator: ", "))")
            }
            return nil
        }
        guard let family = families.first(where: { $0.type == type }) else {
            let hint =
                Suggestion.nearest(to: type, in: types).map { "did you mean `\($0)`?" }
                ?? "known types: \(types.joined(separator: ", "))"
            table.error("type", "unknown provider type `\(type)`", hint: hint)
            return nil
        }
        return family.decode(table, line: LineContext(plan: plan, quotaWritten: quotaWritten, zone: zone))
    }
}
