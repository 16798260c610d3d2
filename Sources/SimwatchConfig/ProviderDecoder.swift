package import SimwatchCore

/// Decodes `[line.provider]`: its `type` picks one family's decoder from the families the configuration is read
/// with (SimwatchProviders' catalog, each family in its own folder knowing its own keys); a missing or unknown type
/// is reported with the known ones.
package enum ProviderDecoder {
    /// One family of providers: the `type = "..."` that selects it (its settings' `type`) and the keys of its table.
    package protocol Family: Sendable {
        associatedtype Settings: ProviderSettings
        /// The settings, or nil after reporting why not; reports unknown keys too.
        static func decode(_ table: TableReader, line: LineContext) -> Settings?
    }

    /// What a provider's keys may depend on from the rest of its `[[line]]`.
    package struct LineContext {
        /// The line's `[line.plan]`.
        package let plan: PlanSettings
        /// Whether `[line.plan]` has a `quota`, even one that failed to parse (reported already, so a provider
        /// that needs one does not also say it is missing).
        package let quotaWritten: Bool
        /// The daemon's time zone, for sources whose replies give local times.
        package let zone: ZoneInfo
    }

    /// `families` in the order hints list their types.
    static func decode(
        _ table: TableReader,
        families: [any Family.Type],
        plan: PlanSettings,
        quotaWritten: Bool,
        zone: ZoneInfo,
        accounts: [String: AccountDecoder.Decoded] = [:]
    ) -> (any ProviderSettings)? {
        let context = LineContext(plan: plan, quotaWritten: quotaWritten, zone: zone)
        if table.has("account") {
            return AccountDecoder.lineProvider(table, accounts: accounts, line: context)
        }
        let types = families.map { $0.type }
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
        return family.decodeAny(table, line: context)
    }
}

extension ProviderDecoder.Family {
    /// The `type = "..."` that selects this family.
    package static var type: String { Settings.type }

    /// The rate limit of an `[accounts.NAME]` of this type that sets none; nil: the type has no accounts.
    package static var defaultRequestsPerMinute: Int? { Settings.defaultRequestsPerMinute }

    static func decodeAny(_ table: TableReader, line: ProviderDecoder.LineContext) -> (any ProviderSettings)? {
        decode(table, line: line)
    }
}
