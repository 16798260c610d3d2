import Glibc
import Synchronization

/// A loopback HTTP server on its own thread that answers every connection with one canned response (or hangs),
/// and keeps the requests it read. Enough to test the transport's timeouts, redirects and limits.
final class CannedServer: Sendable {
    let port: UInt16
    private let listener: Int32
    private let log = RequestLog()

    init(response: String?) throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var one: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0, listen(fd, 16) == 0 else { throw CannedServerError() }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        port = UInt16(bigEndian: address.sin_port)
        listener = fd
        let box = log
        let thread = Thread {
            while true {
                let client = accept(fd, nil, nil)
                if client < 0 { return }
                var buffer = [UInt8](repeating: 0, count: 65536)
                let n = read(client, &buffer, buffer.count)
                box.append(String(decoding: buffer.prefix(max(n, 0)), as: UTF8.self))
                if let response {
                    var bytes = Array(response.utf8)
                    _ = write(client, &bytes, bytes.count)
                    Glibc.close(client)
                }
                // nil: hang with the connection open until the server is closed.
            }
        }
        thread.start()
    }

    var received: [String] { log.requests.withLock { $0 } }

    func close() {
        shutdown(listener, Int32(SHUT_RDWR))
        Glibc.close(listener)
    }
}

/// Requests the server thread read.
final class RequestLog: Sendable {
    let requests = Mutex<[String]>([])

    func append(_ request: String) {
        requests.withLock { $0.append(request) }
    }
}

struct CannedServerError: Error {}

/// A detached pthread running a closure.
final class Thread: @unchecked Sendable {
    private let body: () -> Void

    init(_ body: @escaping () -> Void) {
        self.body = body
    }

    func start() {
        let box = Unmanaged.passRetained(self)
        var handle = pthread_t()
        pthread_create(
            &handle,
            nil,
            { raw in
                let thread = Unmanaged<Thread>.fromOpaque(raw!).takeRetainedValue()
                thread.body()
                return nil
            },
            box.toOpaque()
        )
        pthread_detach(handle)
    }
}
