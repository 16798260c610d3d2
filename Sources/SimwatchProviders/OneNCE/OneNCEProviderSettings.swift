public import SimwatchCore

/// The 1NCE management API: `POST /oauth/token` (Basic auth), then `GET /v1/sims/{iccid}/quota/data`.
public struct OneNCEProviderSettings: ProviderSettings {
    public static let type = "1nce"
    public static let defaultBaseURL = "https://api.1nce.com/management-api"
    /// An `[accounts.NAME]` of type 1nce polls at most 600 times a minute unless it says otherwise: 1NCE's
    /// published limit for the SIM management endpoints (`/sims`: 10 requests a second per customer, "API Rate
    /// Limits", help.1nce.com).
    public var accountICCID: String? { iccid }
    public static var defaultRequestsPerMinute: Int? { 600 }

    public var iccid: String
    /// The API user's name; its password is the secret.
    public var username: String
    public var secret: SecretSource
    public var baseURL: String
    public var timeout: TimeSpan

    public init(
        iccid: String,
        username: String,
        secret: SecretSource,
        baseURL: String = Self.defaultBaseURL,
        timeout: TimeSpan = TimeSpan(seconds: 30)
    ) {
        self.iccid = iccid
        self.username = username
        self.secret = secret
        self.baseURL = baseURL
        self.timeout = timeout
    }
}
