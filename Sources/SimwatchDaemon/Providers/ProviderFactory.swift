public import Logging
public import SimwatchCore
public import SimwatchHTTP
public import SimwatchStore

/// Builds the adapter for a line's provider settings. One place knows every adapter type; the state adapters
/// share across polls (tokens, per-ICCID throttles, modem sessions) lives here, so adapters themselves stay
/// plain values.
public final class ProviderFactory: Sendable {
    private let overrides: [String: any UsageProvider]
    let store: StateStore?
    let transport: (any HTTPTransport)?
    let logger: Logger
    let secrets: SecretResolver
    let tokens = BearerTokens()
    let throttle = ReadThrottle()
    let modems = ModemSessions()

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
        self.store = store
        self.transport = transport
        self.logger = logger
        self.secrets = SecretResolver(environment: environment)
    }

    public func make(for line: Line) -> any UsageProvider {
        if let provider = overrides[line.id] { return provider }
        switch line.provider {
        case .demo(let demo):
            return DemoProvider(settings: demo)
        case .counters(let settings):
            return CounterProvider(settings: settings, store: store, logger: logger)
        case .airalo(let settings):
            return AiraloProvider(settings: settings, http: http, tokens: tokens, throttle: throttle)
        case .oneNCE(let settings):
            return OneNCEProvider(settings: settings, http: http, tokens: tokens)
        case .json(let settings):
            return JSONSourceProvider(settings: settings, http: http)
        case .modemManager(let settings):
            return ModemManagerProvider(settings: settings, sessions: modems, logger: logger)
        case .exec(let settings):
            return ExecProvider(settings: settings, secrets: secrets, logger: logger)
        case .manual:
            // A manual line is estimated by the assessment (ManualEstimate); nothing is ever read.
            return ManualProvider()
        }
    }

    private var http: HTTPClientContext {
        HTTPClientContext(transport: transport, secrets: secrets)
    }
}
