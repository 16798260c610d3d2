import FoundationEssentials
import SimwatchCore
import SimwatchHTTP

/// The bearer tokens of the OAuth-style providers (Airalo, 1NCE), one per account key, shared by every line
/// using that account. What a token request looks like and how its answer is read stays with the provider (its
/// `fetch`); when to fetch lives only here:
///
/// - a token is kept until its lifetime has passed (the provider gives a lifetime already shortened, see
///   `JSONNode.tokenLifetime`, so a token never expires between the check and the request);
/// - callers that find no token while one is being fetched wait for that fetch instead of starting another, so
///   ten lines of one account starting together ask for one token, not ten;
/// - a request refused with 401 drops the token it used (not a newer one another caller already fetched) and is
///   sent once more with a fresh token; a second 401 is the answer.
///
/// A failed fetch is not kept: the next caller tries again. Tokens never reach a message from here.
actor BearerTokens {
    /// A token and how long it may be used from the moment it was asked for.
    struct Grant: Sendable {
        var token: String
        var lifetime: TimeSpan

        init(token: String, lifetime: TimeSpan) {
            self.token = token
            self.lifetime = lifetime
        }
    }

    /// A request sent with a token and the answer to it (the request, which carries the token, is what a
    /// provider scrubs from an error's message).
    struct Exchange: Sendable {
        var request: HTTPRequestSpec
        var response: HTTPResponseSpec

        init(request: HTTPRequestSpec, response: HTTPResponseSpec) {
            self.request = request
            self.response = response
        }
    }

    typealias Fetch = @Sendable () async throws(ProviderError) -> Grant

    private enum Entry {
        case ready(token: String, expires: Date)
        case fetching(Task<Result<Grant, ProviderError>, Never>, id: UInt64)
    }

    private var entries: [String: Entry] = [:]
    private var fetches: UInt64 = 0

    init() {}

    /// A token for `key` that is still valid at `now`: the kept one, the one being fetched, or a new one from
    /// `fetch`.
    func token(_ key: String, now: Date, fetch: @escaping Fetch) async throws(ProviderError) -> String {
        let task: Task<Result<Grant, ProviderError>, Never>
        let id: UInt64
        switch entries[key] {
        case .ready(let token, let expires) where expires > now:
            return token
        case .fetching(let running, let runningID):
            (task, id) = (running, runningID)
        case .ready, nil:
            fetches += 1
            id = fetches
            task = Task {
                do throws(ProviderError) {
                    return .success(try await fetch())
                } catch {
                    return .failure(error)
                }
            }
            entries[key] = .fetching(task, id: id)
        }
        let outcome = await task.value
        // Only the callers of this very fetch settle it: an invalidation meanwhile may have started another.
        if case .fetching(_, let current)? = entries[key], current == id {
            switch outcome {
            case .success(let grant): entries[key] = .ready(token: grant.token, expires: now + grant.lifetime)
            case .failure: entries[key] = nil
            }
        }
        return try outcome.get().token
    }

    /// Drops `token` if it is still the one kept for `key`: a caller refused with an old token must not throw
    /// away the new one another caller fetched meanwhile.
    func invalidate(_ key: String, token: String) {
        if case .ready(let kept, _)? = entries[key], kept == token { entries[key] = nil }
    }

    /// Sends `request(token)` with a token for `key`; answered 401, the token is dropped and the request sent
    /// once more with a fresh one. The last exchange is returned whatever its status: the provider reads it.
    nonisolated func send(
        _ key: String,
        now: Date,
        fetch: @escaping Fetch,
        request: (String) async throws(ProviderError) -> Exchange
    ) async throws(ProviderError) -> Exchange {
        let token = try await token(key, now: now, fetch: fetch)
        let first = try await request(token)
        guard first.response.status == 401 else { return first }
        // The token expired early or was revoked: fetch a new one, once.
        await invalidate(key, token: token)
        return try await request(try await self.token(key, now: now, fetch: fetch))
    }

    /// A GET of `url` asking for JSON with a bearer token for `key`, through `send` (one retry after a 401).
    nonisolated func get(
        _ url: String,
        key: String,
        now: Date,
        timeout: Double,
        http: HTTPClientContext,
        fetch: @escaping Fetch
    ) async throws(ProviderError) -> Exchange {
        try await send(key, now: now, fetch: fetch) { (token: String) async throws(ProviderError) -> Exchange in
            let spec = HTTPRequestSpec(
                url: url,
                headers: [HTTPHeader("Accept", "application/json"), HTTPHeader("Authorization", "Bearer \(token)")],
                totalTimeout: timeout
            )
            return Exchange(request: spec, response: try await http.send(spec))
        }
    }
}
