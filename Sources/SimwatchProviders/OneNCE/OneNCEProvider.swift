import FoundationEssentials
import SimwatchAdapterKit
import SimwatchCore
import SimwatchHTTP

/// The 1NCE management API. A token from `POST /oauth/token` (HTTP Basic with the API user and its password,
/// JSON body `{"grant_type": "client_credentials"}`) is kept by `BearerTokens` for its `expires_in` and fetched again when refused;
/// the data quota comes from `GET /v1/sims/{iccid}/quota/data`: `volume` (MB left), `total_volume` (MB) and
/// `expiry_date` (ISO 8601).
struct OneNCEProvider: UsageProvider {
    let settings: OneNCEProviderSettings
    let http: HTTPClientContext
    let tokens: BearerTokens

    var tokenKey: String { "1nce \(settings.baseURL) \(settings.username)" }

    func read(_ request: ReadRequest) async throws -> Reading {
        try await fetch(request)
    }

    private func fetch(_ request: ReadRequest) async throws(ProviderError) -> Reading {
        let exchange = try await tokens.get(
            "\(settings.baseURL)/v1/sims/\(settings.iccid)/quota/data",
            key: tokenKey,
            now: request.now,
            timeout: settings.timeout.timeInterval,
            http: http,
            fetch: { () async throws(ProviderError) -> BearerTokens.Grant in try await requestToken() }
        )
        return try HTTPClientContext.decodeJSON(exchange.response, to: exchange.request, what: "1NCE quota") {
            root throws(ProviderError) in try Self.reading(root, request: request)
        }
    }

    /// A new token: `POST /oauth/token` with HTTP Basic and a JSON body.
    func requestToken() async throws(ProviderError) -> BearerTokens.Grant {
        let password = try http.secrets.providerSecret(settings.secret)
        let authorization = HTTPClientContext.basicAuthorization(user: settings.username, password: password)
        return try await http.requestToken(
            what: "1NCE token",
            url: "\(settings.baseURL)/oauth/token",
            headers: [HTTPHeader("Content-Type", "application/json"), HTTPHeader("Authorization", authorization)],
            body: Array(#"{"grant_type":"client_credentials"}"#.utf8),
            timeout: settings.timeout.timeInterval,
            minimumLifetime: TimeSpan(seconds: 30)
        )
    }

    /// Maps the quota answer to a reading (the pure, checked decoding lives in `OneNCEQuota`).
    static func reading(_ root: JSONNode, request: ReadRequest) throws(ProviderError) -> Reading {
        try OneNCEQuota.reading(root, request: request)
    }
}
