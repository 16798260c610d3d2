import Logging
import SimwatchAdapterKit
package import SimwatchConfig
package import SimwatchCore
import SimwatchHTTP
import SimwatchStore
import Synchronization

/// Every kind of source simwatch can read, one folder each (its settings, their decoding from `[line.provider]`,
/// its adapter). A new source is a folder and one line in `all`.
package enum ProviderCatalog {
    /// In the order hints list their types.
    package static let all: [any ProviderSource.Type] = [
        DemoSource.self, CounterSource.self, AiraloSource.self, OneNCESource.self, JSONSource.self,
        ModemManagerSource.self, ExecSource.self, ManualSource.self,
    ]

    /// The kind whose `type` is `type`.
    package static func source(_ type: String) -> (any ProviderSource.Type)? {
        all.first { $0.type == type }
    }
}

/// One kind of source: how its `[line.provider]` table decodes (`ProviderDecoder.Family`) and how its adapter is
/// made from those settings.
package protocol ProviderSource: ProviderDecoder.Family {
    static func makeProvider(_ settings: Settings, context: ProviderContext) -> any UsageProvider
    /// What lists the SIMs of an account of this kind (discovery); nil for kinds that cannot.
    static func makeLister(_ settings: Settings, context: ProviderContext) -> (any SIMLister)?
}

extension ProviderSource {
    /// The adapter for `settings`, nil if they are of another kind.
    static func makeProvider(for settings: AnyProviderSettings, context: ProviderContext) -> (any UsageProvider)? {
        settings.as(Settings.self).map { makeProvider($0, context: context) }
    }

    static func makeLister(_ settings: Settings, context: ProviderContext) -> (any SIMLister)? { nil }

    static func makeLister(for settings: AnyProviderSettings, context: ProviderContext) -> (any SIMLister)? {
        settings.as(Settings.self).flatMap { makeLister($0, context: context) }
    }
}

/// What adapters are made with: the daemon's services and the state they share across polls (tokens, per-ICCID
/// throttles, and whatever a kind of source keeps in `shared`), so adapters themselves stay plain values.
package struct ProviderContext: Sendable {
    /// Keeps interface counters.
    let store: StateStore?
    /// Carries the HTTP sources.
    let transport: (any HTTPTransport)?
    let logger: Logger
    let secrets: SecretResolver
    let tokens = BearerTokens()
    let throttle = ReadThrottle()
    /// State of one kind of source, kept for as long as the context (one per type, made on first use).
    let shared = SharedState()

    var http: HTTPClientContext {
        HTTPClientContext(transport: transport, secrets: secrets)
    }
}

/// One value per type, made on first use: what a kind of source shares between its lines (the modems' sessions),
/// without the context knowing of it.
final class SharedState: Sendable {
    private let values = Mutex<[ObjectIdentifier: any Sendable]>([:])

    /// The one `Value`, made by `make` the first time.
    func value<Value: Sendable>(_ make: () -> Value) -> Value {
        values.withLock { table in
            if let existing = table[ObjectIdentifier(Value.self)] as? Value { return existing }
            let made = make()
            table[ObjectIdentifier(Value.self)] = made
            return made
        }
    }
}
