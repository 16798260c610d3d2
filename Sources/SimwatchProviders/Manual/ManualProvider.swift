import FoundationEssentials
import SimwatchCore

/// Manual lines are never read: their readings come from `simwatchctl record` and `renew`. Between entries the
/// daemon may estimate (see `ManualEstimate`); this adapter exists so every provider type has one.
struct ManualProvider: UsageProvider {
    func read(_ request: ReadRequest) async throws -> Reading {
        throw ProviderError(.unavailable, "a manual line is not read: record it with simwatchctl record")
    }
}
