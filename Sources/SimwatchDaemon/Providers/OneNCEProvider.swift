import FoundationEssentials
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
        let (spec, response) = (exchange.request, exchange.response)
        guard (200..<300).contains(response.status) else {
            throw HTTPClientContext.failure(response, to: spec, what: "1NCE quota")
        }
        do {
            return try Self.reading(HTTPClientContext.json(response, to: spec, what: "1NCE quota"), request: request)
        } catch {
            // A figure's error quotes the answer, which may echo the request.
            throw SecretMask(request: spec).scrub(error)
        }
    }

    /// A new token: `POST /oauth/token` with HTTP Basic and a JSON body.
    private func requestToken() async throws(ProviderError) -> BearerTokens.Grant {
        let password = try http.secrets.providerSecret(settings.secret)
        let spec = HTTPRequestSpec(
            method: "POST",
            url: "\(settings.baseURL)/oauth/token",
            headers: [
                HTTPHeader("Accept", "application/json"),
                HTTPHeader("Content-Type", "application/json"),
                HTTPHeader(
                    "Authorization",
                    HTTPClientContext.basicAuthorization(user: settings.username, password: password)
                ),
            ],
            body: Array(#"{"grant_type":"client_credentials"}"#.utf8),
            totalTimeout: settings.timeout.timeInterval
        )
        let response = try await http.send(spec)
        guard (200..<300).contains(response.status) else {
            throw HTTPClientContext.failure(response, to: spec, what: "1NCE token")
        }
        let root = try HTTPClientContext.json(response, to: spec, what: "1NCE token")
        guard let token = root.at(pointer: "/access_token")?.stringValue else {
            throw ProviderError(.malformed, "1NCE token: no access_token in the answer")
        }
        // An absurd expires_in ("inf", 1e308, -1) is clamped, not trusted.
        let lifetime = JSONNode.tokenLifetime(root.at(pointer: "/expires_in"), minimum: TimeSpan(seconds: 30))
        return BearerTokens.Grant(token: token, lifetime: lifetime)
    }

    /// Maps the quota answer to a reading (the pure, checked decoding lives in `OneNCEQuota`).
    static func reading(_ root: JSONNode, request: ReadRequest) throws(ProviderError) -> Reading {
        try OneNCEQuota.reading(root, request: request)
    }
}
