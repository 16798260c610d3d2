import FoundationEssentials
import SimwatchAdapterKit
import SimwatchCore
import SimwatchHTTP

/// The Airalo Partner API. A token from `POST /v2/token` (form: client_id, client_secret,
/// grant_type=client_credentials) is kept by `BearerTokens` (and fetched again when refused); usage comes from
/// `GET /v2/sims/{iccid}/usage`: `data.remaining` and `data.total` in MB, `data.expired_at` without a zone,
/// `data.status` and `data.is_unlimited`. The API caches usage for about 20 minutes and rate-limits per ICCID, so
/// one ICCID is never asked twice within `AiraloProviderSettings.minimumPollInterval`: a poll inside that window
/// gets the last answer again.
struct AiraloProvider: UsageProvider {
    let settings: AiraloProviderSettings
    let http: HTTPClientContext
    let tokens: BearerTokens
    let throttle: ReadThrottle

    var key: String { "airalo \(settings.baseURL) \(settings.iccid)" }
    var tokenKey: String { "airalo \(settings.baseURL) \(settings.clientID)" }

    func read(_ request: ReadRequest) async throws -> Reading {
        if let cached = await throttle.recent(key, now: request.now, within: AiraloProviderSettings.minimumPollInterval)
        {
            var again = cached
            again.lineID = request.line.id
            again.observedAt = request.now
            again.providerUpdatedAt = cached.providerUpdatedAt ?? cached.observedAt
            return again
        }
        if let until = await throttle.blocked(key, now: request.now) {
            let wait = TimeSpan(seconds: Plausible.integer(until.timeIntervalSince(request.now).rounded(.up)) ?? 0)
            throw ProviderError(.rateLimited, "Airalo asked to wait \(wait) more", retryAfter: wait)
        }
        let outcome: Result<Reading, ProviderError>
        do throws(ProviderError) {
            outcome = .success(try await fetch(request))
        } catch {
            outcome = .failure(error)
        }
        switch outcome {
        case .success(let reading):
            await throttle.remember(key, reading)
            return reading
        case .failure(let error):
            if let wait = error.retryAfter, error.code == .rateLimited {
                await throttle.block(key, until: request.now + wait)
            }
            throw error
        }
    }

    private func fetch(_ request: ReadRequest) async throws(ProviderError) -> Reading {
        let exchange = try await tokens.get(
            "\(settings.baseURL)/v2/sims/\(settings.iccid)/usage",
            key: tokenKey,
            now: request.now,
            timeout: settings.timeout.timeInterval,
            http: http,
            fetch: { () async throws(ProviderError) -> BearerTokens.Grant in try await requestToken() }
        )
        return try HTTPClientContext.decodeJSON(
            exchange.response,
            to: exchange.request,
            what: "Airalo usage",
            defaultRetry: .minutes(20)
        ) { root throws(ProviderError) in try Self.reading(root, request: request, zone: settings.timeZone) }
    }

    /// A new token: `POST /v2/token` with the client credentials as a form; the answer keeps the token under
    /// `data` (at the top in some deployments).
    func requestToken() async throws(ProviderError) -> BearerTokens.Grant {
        let secret = try http.secrets.providerSecret(settings.secret)
        return try await http.requestToken(
            what: "Airalo token",
            url: "\(settings.baseURL)/v2/token",
            headers: [HTTPHeader("Content-Type", "application/x-www-form-urlencoded")],
            body: HTTPClientContext.form([
                ("client_id", settings.clientID), ("client_secret", secret), ("grant_type", "client_credentials"),
            ]),
            timeout: settings.timeout.timeInterval,
            in: ["/data", ""]
        )
    }

    /// Maps the usage answer to a reading (the pure, checked decoding lives in `AiraloUsage`).
    static func reading(_ root: JSONNode, request: ReadRequest, zone: ZoneInfo) throws(ProviderError) -> Reading {
        try AiraloUsage.reading(root, request: request, zone: zone)
    }
}
