public import SimwatchCore

/// Any JSON API: a URL template, optional auth, and JSON pointers to the figures.
public struct JSONSourceSettings: ProviderSettings {
    public static let type = "json"
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
