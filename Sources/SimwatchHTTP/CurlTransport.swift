/// `HTTPTransport` over the system's libcurl (libcurl.so.4, opened on the first request; see `CurlLibrary`).
///
/// Each request gets its own easy handle on its own thread, and keeps every rule of the transport contract: no
/// redirects (a 3xx comes back as is), http and https only, the spec's connect and total timeouts, a response body
/// capped at `maxResponseBytes` (`tooLarge`), headers capped too, and cancellation that answers at once. Error
/// details never carry the URL's user information or query (`URLRedaction`).
///
/// Proxies: libcurl's defaults, from simwatchd's environment. `http_proxy` (lower case only) for http URLs,
/// `https_proxy` or `HTTPS_PROXY` for https URLs, `all_proxy` or `ALL_PROXY` for either, and `no_proxy` or
/// `NO_PROXY` (comma-separated host names, domains and addresses, or `*`) for hosts to reach directly.
/// TLS verification is always on, with the distribution's CA store.
public final class CurlTransport: HTTPTransport {
    public init() {}

    public func send(_ spec: HTTPRequestSpec) async throws(HTTPTransportError) -> HTTPResponseSpec {
        let request = try CurlRequest(spec)
        let library = try CurlLibrary.shared().get()
        let call = CurlCall()
        let outcome = await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                call.start(continuation) { CurlExchange(request, library: library, call: call).run() }
            }
        } onCancel: {
            call.cancel()
        }
        return try outcome.get()
    }
}
