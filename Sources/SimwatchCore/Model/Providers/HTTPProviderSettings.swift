/// The Airalo Partner API: `POST /v2/token`, then `GET /v2/sims/{iccid}/usage`.
public struct AiraloProviderSettings: Sendable, Hashable {
    /// Airalo caches usage for about 20 minutes and rate-limits per ICCID: never ask more often than this.
    public static let minimumPollInterval = TimeSpan.minutes(20)
    public static let defaultBaseURL = "https://partners-api.airalo.com"

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

/// The 1NCE management API: `POST /oauth/token` (Basic auth), then `GET /v1/sims/{iccid}/quota/data`.
public struct OneNCEProviderSettings: Sendable, Hashable {
    public static let defaultBaseURL = "https://api.1nce.com/management-api"

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

/// Any JSON API: a URL template, optional auth, and JSON pointers to the figures.
public struct JSONSourceSettings: Sendable, Hashable {
    /// How the request authenticates.
    public enum Auth: Sendable, Hashable {
        case none
        /// `Authorization: Bearer SECRET`.
        case bearer(SecretSource)
        /// `Authorization: Basic base64(username:SECRET)`.
        case basic(username: String, secret: SecretSource)
        /// `NAME: SECRET`, for APIs keyed by a header such as `X-API-Key`.
        case header(name: String, secret: SecretSource)
    }

    /// How a date is written in the response.
    public enum DateFormat: String, Sendable, Hashable, CaseIterable {
        /// ISO 8601 / RFC 3339, or a zone-less "YYYY-MM-DD HH:MM:SS" read in `timeZone`.
        case iso8601
        /// Seconds since 1970.
        case unix
        /// Milliseconds since 1970.
        case unixMilliseconds = "unix_ms"
    }

    /// JSON pointers (RFC 6901) to the figures; at least one of remaining, used, total, expires or status.
    public struct Fields: Sendable, Hashable {
        public var remaining: String?
        public var used: String?
        public var total: String?
        public var expires: String?
        public var status: String?
        public var unlimited: String?
        public var updatedAt: String?
        public var credit: String?

        public init(
            remaining: String? = nil,
            used: String? = nil,
            total: String? = nil,
            expires: String? = nil,
            status: String? = nil,
            unlimited: String? = nil,
            updatedAt: String? = nil,
            credit: String? = nil
        ) {
            self.remaining = remaining
            self.used = used
            self.total = total
            self.expires = expires
            self.status = status
            self.unlimited = unlimited
            self.updatedAt = updatedAt
            self.credit = credit
        }
    }

    /// With `{iccid}` and `{line}` replaced.
    public var url: String
    public var method: String
    public var headers: [String: String]
    public var body: String?
    public var auth: Auth
    public var iccid: String?
    public var fields: Fields
    /// Bytes per unit of a bare number in the amounts (1 for bytes, 1e6 for MB...).
    public var unitBytes: Double
    public var dateFormat: DateFormat
    public var timeZone: ZoneInfo
    /// Provider status text (case-insensitive) to a reading status.
    public var statusMap: [String: Reading.Status]
    /// Currency of a bare credit number.
    public var currency: String?
    public var timeout: TimeSpan

    public init(
        url: String,
        method: String = "GET",
        headers: [String: String] = [:],
        body: String? = nil,
        auth: Auth = .none,
        iccid: String? = nil,
        fields: Fields,
        unitBytes: Double = 1,
        dateFormat: DateFormat = .iso8601,
        timeZone: ZoneInfo = .utc,
        statusMap: [String: Reading.Status] = [:],
        currency: String? = nil,
        timeout: TimeSpan = TimeSpan(seconds: 30)
    ) {
        self.url = url
        self.method = method
        self.headers = headers
        self.body = body
        self.auth = auth
        self.iccid = iccid
        self.fields = fields
        self.unitBytes = unitBytes
        self.dateFormat = dateFormat
        self.timeZone = timeZone
        self.statusMap = statusMap
        self.currency = currency
        self.timeout = timeout
    }
}
