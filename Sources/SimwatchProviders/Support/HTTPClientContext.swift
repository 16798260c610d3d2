import FoundationEssentials
import SimwatchAdapterKit
import SimwatchCore
import SimwatchHTTP

/// What the HTTP sources share: the transport, secrets, and the mapping of HTTP outcomes to `ProviderError`.
struct HTTPClientContext: Sendable {
    let transport: (any HTTPTransport)?
    let secrets: SecretResolver

    /// Sends a request; a transport failure becomes `timeout` or `unavailable`.
    func send(_ request: HTTPRequestSpec) async throws(ProviderError) -> HTTPResponseSpec {
        guard let transport else { throw ProviderError(.unavailable, "no HTTP client in this process") }
        do {
            return try await transport.send(request)
        } catch {
            let host = Self.host(of: request.url)
            switch error.code {
            case .timeout: throw ProviderError(.timeout, "\(host) did not answer in time")
            case .tooLarge: throw ProviderError(.malformed, "\(host): answer too large")
            default: throw ProviderError(.unavailable, "\(host): \(error)")
            }
        }
    }

    /// The error for a response that is not 2xx: 401/403 unauthorized, 429 rate limited (with Retry-After),
    /// anything else unavailable.
    /// The body preview is scrubbed of every secret `request` carried: an error page may echo the request.
    static func failure(
        _ response: HTTPResponseSpec,
        to request: HTTPRequestSpec,
        what: String,
        defaultRetry: TimeSpan = .minutes(1)
    )
        -> ProviderError
    {
        // Scrubbed before the preview cuts it: a secret cut in half is still half a secret.
        let mask = SecretMask(request: request)
        var scrubbed = response
        scrubbed.body = Array(mask.scrub(String(decoding: response.body.prefix(4096), as: UTF8.self)).utf8)
        return mask.scrub(failure(scrubbed, what: what, defaultRetry: defaultRetry))
    }

    private static func failure(
        _ response: HTTPResponseSpec,
        what: String,
        defaultRetry: TimeSpan
    )
        -> ProviderError
    {
        switch response.status {
        case 401, 403:
            return ProviderError(.unauthorized, "\(what): HTTP \(response.status) (check the credentials)")
        case 429:
            let wait = retryAfter(response.header("Retry-After")) ?? defaultRetry
            return ProviderError(.rateLimited, "\(what): HTTP 429, retry after \(wait)", retryAfter: wait)
        case 500...599:
            let wait = retryAfter(response.header("Retry-After"))
            return ProviderError(.unavailable, "\(what): server error \(response.status)", retryAfter: wait)
        default:
            return ProviderError(.unavailable, "\(what): HTTP \(response.status) \(preview(response.body))")
        }
    }

    /// Retry-After in seconds ("120"), at most a day (`RetryAfter.maximum`: "99999999999" is a day, not a trap);
    /// an HTTP date is not worth a clock here and falls back to the default.
    static func retryAfter(_ value: String?) -> TimeSpan? {
        RetryAfter.wait(value)
    }

    /// A short, printable start of a body for messages.
    static func preview(_ body: [UInt8]) -> String {
        let text = String(decoding: body.prefix(120), as: UTF8.self)
        return String(text.map { $0.isNewline || $0.asciiValue.map { $0 < 32 } == true ? " " : $0 })
    }

    /// The server's `host[:port]` for messages: never the URL's user information or query.
    static func host(of url: String) -> String {
        URLRedaction.authority(of: url)
    }

    /// A bearer token from an OAuth-style token endpoint (Airalo, 1NCE): `body` POSTed to `url` with `headers`
    /// (after `Accept: application/json`). The answer's `access_token` and `expires_in` are read under the first
    /// of `containers` (JSON pointers, "" the top) that has them; the lifetime is clamped by
    /// `JSONNode.tokenLifetime`, never trusted.
    func requestToken(
        what: String,
        url: String,
        headers: [HTTPHeader],
        body: [UInt8],
        timeout: Double,
        in containers: [String] = [""],
        minimumLifetime: TimeSpan = .minutes(1)
    ) async throws(ProviderError) -> BearerTokens.Grant {
        let spec = HTTPRequestSpec(
            method: "POST",
            url: url,
            headers: [HTTPHeader("Accept", "application/json")] + headers,
            body: body,
            totalTimeout: timeout
        )
        let response = try await send(spec)
        guard (200..<300).contains(response.status) else { throw Self.failure(response, to: spec, what: what) }
        let root = try Self.json(response, to: spec, what: what)
        func first(_ name: String) -> JSONNode? {
            containers.lazy.compactMap { root.at(pointer: "\($0)/\(name)") }.first
        }
        guard let token = first("access_token")?.stringValue else {
            let name = (containers.first ?? "").split(separator: "/").map(String.init) + ["access_token"]
            throw ProviderError(.malformed, "\(what): no \(name.joined(separator: ".")) in the answer")
        }
        return BearerTokens.Grant(
            token: token,
            lifetime: JSONNode.tokenLifetime(first("expires_in"), minimum: minimumLifetime)
        )
    }

    /// What a 2xx JSON answer says as `decode` reads it; any other status is `failure`'s error. An error from
    /// the JSON or from `decode` (a figure's error quotes the answer, which may echo the request) is scrubbed of
    /// the secrets `request` carried.
    static func decodeJSON<T>(
        _ response: HTTPResponseSpec,
        to request: HTTPRequestSpec,
        what: String,
        defaultRetry: TimeSpan = .minutes(1),
        _ decode: (JSONNode) throws(ProviderError) -> T
    ) throws(ProviderError) -> T {
        guard (200..<300).contains(response.status) else {
            throw failure(response, to: request, what: what, defaultRetry: defaultRetry)
        }
        do {
            return try decode(try json(response, to: request, what: what))
        } catch {
            throw SecretMask(request: request).scrub(error)
        }
    }

    /// The parse error quotes the body's start, scrubbed of the secrets `request` carried.
    static func json(
        _ response: HTTPResponseSpec,
        to request: HTTPRequestSpec,
        what: String
    ) throws(ProviderError)
        -> JSONNode
    {
        do {
            return try JSONNode(parsing: response.body)
        } catch {
            throw SecretMask(request: request).scrub(ProviderError(.malformed, "\(what): \(error)"))
        }
    }

    /// application/x-www-form-urlencoded.
    static func form(_ fields: [(String, String)]) -> [UInt8] {
        Array(fields.map { "\(percentEncoded($0.0))=\(percentEncoded($0.1))" }.joined(separator: "&").utf8)
    }

    static func percentEncoded(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            let c = Character(UnicodeScalar(byte))
            if c.isASCII, c.isLetter || c.isNumber || "-._~".contains(c) {
                out.append(c)
            } else {
                out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return out
    }

    static func basicAuthorization(user: String, password: String) -> String {
        "Basic " + Data("\(user):\(password)".utf8).base64EncodedString()
    }
}

/// The last answer per key (an ICCID at a provider), so a source that must not be asked often is not.
actor ReadThrottle {
    private var last: [String: Reading] = [:]
    private var blockedUntil: [String: Date] = [:]

    /// The last reading if it is younger than `interval`.
    func recent(_ key: String, now: Date, within interval: TimeSpan) -> Reading? {
        guard let reading = last[key], now.timeIntervalSince(reading.observedAt) < interval.timeInterval,
            now >= reading.observedAt
        else { return nil }
        return reading
    }

    func remember(_ key: String, _ reading: Reading) {
        last[key] = reading
        blockedUntil[key] = nil
    }

    /// Until when the provider asked us to wait (429 Retry-After).
    func blocked(_ key: String, now: Date) -> Date? {
        guard let until = blockedUntil[key], until > now else { return nil }
        return until
    }

    func block(_ key: String, until: Date) {
        blockedUntil[key] = until
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
