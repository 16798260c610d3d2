import Glibc
import Synchronization

/// A loopback HTTP server with a thread per connection that answers every request the same way, and keeps the
/// requests it read. Enough to test the transport's timeouts, redirects, limits and proxying (as a proxy it just
/// records the absolute-form request line).
final class CannedServer: Sendable {
    enum Behaviour: Sendable {
        /// Writes this and closes.
        case respond(String)
        /// Reads the request and says nothing until the client or the server closes.
        case hang
        /// Writes `head`, then one byte every `interval` milliseconds until the client goes away.
        case trickle(head: String, interval: Int)
        /// Writes this as soon as the connection is accepted, before reading anything, and closes.
        case blurt(String)
    }

    let port: UInt16
    private let listener: Int32
    private let log = RequestLog()
    private let connections = Mutex<[Int32]>([])
    private let stopped = Atomic<Bool>(false)

    convenience init(response: String) throws {
        try self.init(.respond(response))
    }

    init(_ behaviour: Behaviour) throws {
        let (fd, port) = try Self.listen(backlog: 16)
        self.port = port
        listener = fd
        let log = log
        let server = self
        Thread {
            while true {
                let client = accept(fd, nil, nil)
                if client < 0 { return }
                server.connections.withLock { $0.append(client) }
                Thread {
                    if case .blurt(let text) = behaviour { Self.write(client, text) }
                    log.append(Self.readRequest(client))
                    server.answer(client, behaviour)
                    server.drop(client)
                    log.closed()
                }
                .start()
            }
        }
        .start()
    }

    /// Requests read, in order.
    var received: [String] { log.requests.withLock { $0 } }
    /// Connections that ended.
    var closedCount: Int { log.closedCount.withLock { $0 } }

    func close() {
        stopped.store(true, ordering: .sequentiallyConsistent)
        shutdown(listener, Int32(SHUT_RDWR))
        Glibc.close(listener)
        // Wakes the connection threads that hang or trickle.
        connections.withLock { open in
            for fd in open { shutdown(fd, Int32(SHUT_RDWR)) }
        }
    }

    private func answer(_ client: Int32, _ behaviour: Behaviour) {
        switch behaviour {
        case .respond(let response):
            Self.write(client, response)
        case .blurt:
            break
        case .hang:
            var forever = timeval(tv_sec: 0, tv_usec: 0)
            setsockopt(client, SOL_SOCKET, SO_RCVTIMEO, &forever, socklen_t(MemoryLayout<timeval>.size))
            var byte: UInt8 = 0
            while !stopped.load(ordering: .sequentiallyConsistent), read(client, &byte, 1) > 0 {}
        case .trickle(let head, let interval):
            guard Self.write(client, head) else { return }
            while !stopped.load(ordering: .sequentiallyConsistent), Self.write(client, "x") {
                usleep(useconds_t(interval * 1000))
            }
        }
    }

    private func drop(_ client: Int32) {
        connections.withLock { $0.removeAll { $0 == client } }
        Glibc.close(client)
    }

    @discardableResult
    private static func write(_ client: Int32, _ text: String) -> Bool {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let n = bytes.withUnsafeBytes { send(client, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if n <= 0 { return false }
            bytes = bytes.dropFirst(n)
        }
        return true
    }

    /// The head and, if it announces one, the body; at most 5 s and 1 MiB.
    private static func readRequest(_ client: Int32) -> String {
        var timeout = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(client, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var data: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while data.count < 1 << 20 {
            if let end = data.firstRange(of: Array("\r\n\r\n".utf8)) {
                let head = String(decoding: data[..<end.lowerBound], as: UTF8.self).lowercased()
                let length =
                    head.split(separator: "\r\n").first { $0.hasPrefix("content-length:") }
                    .flatMap { Int($0.dropFirst(15).filter { !$0.isWhitespace }) } ?? 0
                if data.count - end.upperBound >= length { break }
            }
            let n = read(client, &buffer, buffer.count)
            if n <= 0 { break }
            data += buffer.prefix(n)
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// A listening loopback socket on a free port.
    static func listen(backlog: Int32) throws -> (Int32, UInt16) {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw CannedServerError() }
        var one: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        var address = loopback(port: 0)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0, Glibc.listen(fd, backlog) == 0 else {
            Glibc.close(fd)
            throw CannedServerError()
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        return (fd, UInt16(bigEndian: address.sin_port))
    }

    static func loopback(port: UInt16) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = port.bigEndian
        return address
    }
}

/// A loopback port nothing listens on: connecting is refused at once.
func closedPort() throws -> UInt16 {
    let (fd, port) = try CannedServer.listen(backlog: 1)
    close(fd)
    return port
}

/// Requests the server threads read, and how many connections ended.
final class RequestLog: Sendable {
    let requests = Mutex<[String]>([])
    let closedCount = Mutex(0)

    func append(_ request: String) {
        requests.withLock { $0.append(request) }
    }

    func closed() {
        closedCount.withLock { $0 += 1 }
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
