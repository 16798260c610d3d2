public import SimwatchCore

/// The Airalo Partner API: `POST /v2/token`, then `GET /v2/sims/{iccid}/usage`.
public struct AiraloProviderSettings: ProviderSettings {
    public static let type = "airalo"
    /// Airalo caches usage for about 20 minutes and rate-limits per ICCID: never ask more often than this.
    public static let minimumPollInterval = TimeSpan.minutes(20)
    public var minimumPollInterval: TimeSpan? { Self.minimumPollInterval }
    public static let defaultBaseURL = "https://partners-api.airalo.com"
    /// An `[accounts.NAME]` of type airalo polls at most 40 times a minute unless it says otherwise: the
    /// per-account limit Airalo's Partner API documentation publishes for its busiest listing endpoint
    /// (`/packages`, 40 a minute; `/token` 5 a minute; usage 1 per ICCID per 15 minutes, kept by
    /// `minimumPollInterval`).
    public var accountICCID: String? { iccid }
    public static var defaultRequestsPerMinute: Int? { 40 }

    public var iccid: String
    public var clientID: String
    /// The client secret.
    public var secret: SecretSource
    public var baseURL: String
    /// Zone of `expired_at`, which Airalo writes without one.
    public var timeZone: ZoneInfo
    /// Seconds for one HTTP exchange.
    public var timeout: TimeSpan

    public init(
        iccid: String,
        clientID: String,
        secret: SecretSource,
        baseURL: String = Self.defaultBaseURL,
        timeZone: ZoneInfo = .utc,
        timeout: TimeSpan = TimeSpan(seconds: 30)
    ) {
        self.iccid = iccid
        self.clientID = clientID
        self.secret = secret
        self.baseURL = baseURL
        self.timeZone = timeZone
        self.timeout = timeout
    }
}
