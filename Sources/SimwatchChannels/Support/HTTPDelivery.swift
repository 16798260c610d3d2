import FoundationEssentials
import SimwatchAdapterKit
import SimwatchCore
import SimwatchHTTP

/// Sends one HTTP request for a channel and turns the answer into a delivery outcome: only 2xx is delivered; 410
/// is `gone`; 408, 429 and 5xx are `temporary` (with `Retry-After`); redirects and other 4xx are `rejected`; no
/// network (name not found, no route, refused) is `offline`.
enum HTTPDelivery {
    static func send(
        _ request: HTTPRequestSpec,
        through transport: any HTTPTransport,
        now: Date
    ) async throws(DeliveryError) {
        let response: HTTPResponseSpec
        do {
            response = try await transport.send(request)
        } catch {
            switch error.code {
            case .timeout: throw DeliveryError(.timeout, "\(error)")
            case .invalidURL: throw DeliveryError(.misconfigured, "\(error)")
            case .unreachable: throw DeliveryError(.offline, "\(error)")
            case .connect, .io, .tooLarge: throw DeliveryError(.temporary, "\(error)")
            }
        }
        try check(response, now: now, mask: SecretMask(request: request))
    }

    /// The outcome of an answer; `mask` scrubs the quoted body of the request's secrets (an ntfy token, a
    /// webhook URL's key), which an endpoint's error page may echo.
    static func check(_ response: HTTPResponseSpec, now: Date, mask: SecretMask = SecretMask()) throws(DeliveryError) {
        let status = response.status
        if (200...299).contains(status) { return }
        // Scrubbed before it is cut: a secret cut in half is still half a secret.
        let scrubbed = mask.scrub(String(decoding: response.body.prefix(4096), as: UTF8.self))
        let snippet = String(scrubbed.prefix(200)).split(whereSeparator: \.isNewline).joined(separator: " ")
        let said = "HTTP \(status)" + (snippet.isEmpty ? "" : ": \(snippet)")
        switch status {
        case 410: throw DeliveryError(.gone, said)
        case 408, 425, 429, 500...599:
            throw DeliveryError(.temporary, said, retryAfter: retryAfter(response.header("Retry-After"), now: now))
        case 300...399: throw DeliveryError(.rejected, said + " (redirects are not followed; use the final URL)")
        default: throw DeliveryError(.rejected, said)
        }
    }

    /// A channel's POST of `body` to `endpoint`, the whole attempt within `timeout` seconds. Only the answer's
    /// status and start are read, so at most 64 KiB of it is taken.
    static func post(
        _ body: [UInt8],
        headers: [HTTPHeader],
        to endpoint: some HTTPEndpointSettings,
        timeout: Double
    ) -> HTTPRequestSpec {
        HTTPRequestSpec(
            method: "POST",
            url: endpoint.url.text,
            headers: headers,
            body: body,
            connectTimeout: endpoint.connectTimeout.timeInterval,
            totalTimeout: timeout,
            maxResponseBytes: 64 * 1024
        )
    }

    /// `Retry-After` in seconds: a number of seconds, or an HTTP date ("Wed, 21 Oct 2015 07:28:00 GMT"). At most a
    /// day; an absurd date (year 99999, 1900, day 99) is ignored (`RetryAfter`).
    static func retryAfter(_ value: String?, now: Date) -> Double? {
        RetryAfter.wait(value, now: now)?.timeInterval
    }
}
