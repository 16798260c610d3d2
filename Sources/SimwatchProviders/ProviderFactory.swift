public import Logging
import SimwatchAdapterKit
public import SimwatchCore
public import SimwatchHTTP
public import SimwatchStore

/// Builds the adapter for a line's provider settings: the kind of source named by their `type`
/// (`ProviderCatalog`) makes it from the one `ProviderContext` every adapter shares.
public final class ProviderFactory: Sendable {
    private let overrides: [String: any UsageProvider]
    let context: ProviderContext

    /// `overrides` replaces the adapter of the named lines (tests script a line's readings this way). `store`
    /// keeps interface counters; `transport` carries the HTTP sources; `environment` locates secrets
    /// (`$CREDENTIALS_DIRECTORY`, `~`) and is the base of a script's environment.
    public init(
        overrides: [String: any UsageProvider] = [:],
        store: StateStore? = nil,
        transport: (any HTTPTransport)? = nil,
        logger: Logger = Logger(label: "simwatch.providers"),
        environment: [String: String] = [:]
    ) {
        self.overrides = overrides
        self.context = ProviderContext(
            store: store,
            transport: transport,
            logger: logger,
            secrets: SecretResolver(environment: environment)
        )
    }

    public func make(for line: Line) -> any UsageProvider {
        if let provider = overrides[line.id] { return provider }
        guard
            let provider = ProviderCatalog.source(line.provider.type)?.makeProvider(
                for: line.provider,
                context: context
            )
        else {
            // Only a line built in code can name a kind the catalog lacks: the configuration refuses one.
            return MissingProvider(type: line.provider.type)
        }
        return provider
    }
}

extension ProviderFactory {
    /// What lists the SIMs of an account whose provider settings are `settings` (discovery), sharing the token
    /// of the account's polls; nil for a kind of source that cannot list.
    public func lister(for settings: AnyProviderSettings) -> (any SIMLister)? {
        ProviderCatalog.source(settings.type)?.makeLister(for: settings, context: context)
    }
}

/// The adapter of a line whose kind of source is not in the catalog: every poll fails, saying so.
private struct MissingProvider: UsageProvider {
    let type: String

    func read(_ request: ReadRequest) async throws -> Reading {
        throw ProviderError(.unavailable, "no adapter for provider type `\(type)`")
    }
}
