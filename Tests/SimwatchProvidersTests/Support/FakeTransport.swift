import SimwatchHTTP
import Synchronization

/// Answers HTTP requests from a script and records them.
final class FakeTransport: HTTPTransport {
    typealias Script = @Sendable (HTTPRequestSpec, Int) throws(HTTPTransportError) -> HTTPResponseSpec
    private let script: Script
    private let log = Mutex<[HTTPRequestSpec]>([])

    init(_ script: @escaping Script) {
        self.script = script
    }

    var requests: [HTTPRequestSpec] { log.withLock { $0 } }

    func send(_ request: HTTPRequestSpec) async throws(HTTPTransportError) -> HTTPResponseSpec {
        let n = log.withLock { requests in
            requests.append(request)
            return requests.count
        }
        return try script(request, n)
    }

    static func json(_ status: Int, _ body: String, headers: [HTTPHeader] = []) -> HTTPResponseSpec {
        HTTPResponseSpec(status: status, headers: headers, body: Array(body.utf8))
    }
}
