public import SimwatchHTTP
import Synchronization

/// The daemon's one HTTP client, made on first use: a daemon that never sends HTTP (or exits early on a bad
/// configuration) never starts async-http-client's threads, and has nothing to shut down.
public final class LazyHTTPTransport: HTTPTransport {
    private let client = Mutex<AsyncHTTPTransport?>(nil)

    public init() {}

    public func send(_ request: HTTPRequestSpec) async throws(HTTPTransportError) -> HTTPResponseSpec {
        let transport = client.withLock { client in
            if let client { return client }
            let made = AsyncHTTPTransport()
            client = made
            return made
        }
        return try await transport.send(request)
    }

    /// Closes connections if the client was ever made; call once before the process exits.
    public func shutdown() async {
        if let transport = client.withLock({ $0 }) { await transport.shutdown() }
    }
}
