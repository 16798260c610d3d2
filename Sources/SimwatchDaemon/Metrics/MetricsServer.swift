import Glibc
public import SimwatchConfig
import SimwatchLoop
import Synchronization

/// A small HTTP/1.1 server for `GET /metrics`, on a thread of its own so a slow or hostile client never holds up
/// the daemon's loop. It serves the last page it was given (`publish`), never reads the database, and is bounded
/// everywhere: at most `maxConnections` at once, a request head of at most `maxRequestBytes`, `timeout` seconds for
/// a whole exchange, one request per connection. Only GET and HEAD of /metrics are answered 200; other paths 404,
/// other methods 405, a malformed or oversized request 400 or 431.
public final class MetricsServer: Sendable {
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var errno: Int32
        public var call: String
        public var description: String { "\(call): \(String(cString: strerror(errno)))" }
        public var addressInUse: Bool { errno == EADDRINUSE }
    }

    static let maxConnections = 16
    static let maxRequestBytes = 8192
    static let timeout: Double = 5

    private let listener: Int32
    private let wake: (read: Int32, write: Int32)
    private let page = Mutex<[UInt8]>(Array("# simwatch is starting\n".utf8))
    /// The port bound (the one asked for, or the kernel's choice for port 0).
    public let port: Int

    /// Binds and listens on `address`; serving starts with `start()`.
    public init(address: MetricsSettings.ListenAddress) throws(Failure) {
        let family = address.isIPv6 ? AF_INET6 : AF_INET
        let fd = socket(family, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue | SOCK_NONBLOCK.rawValue), 0)
        guard fd >= 0 else { throw Failure(errno: errno, call: "socket") }
        var one: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        var bound: Int32 = -1
        if address.isIPv6 {
            var sa = sockaddr_in6()
            sa.sin6_family = sa_family_t(AF_INET6)
            sa.sin6_port = in_port_t(UInt16(address.port).bigEndian)
            guard inet_pton(AF_INET6, address.host, &sa.sin6_addr) == 1 else {
                close(fd)
                throw Failure(errno: EINVAL, call: "inet_pton \(address.host)")
            }
            bound = withUnsafePointer(to: &sa) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in6>.size))
                }
            }
        } else {
            var sa = sockaddr_in()
            sa.sin_family = sa_family_t(AF_INET)
            sa.sin_port = in_port_t(UInt16(address.port).bigEndian)
            guard inet_pton(AF_INET, address.host, &sa.sin_addr) == 1 else {
                close(fd)
                throw Failure(errno: EINVAL, call: "inet_pton \(address.host)")
            }
            bound = withUnsafePointer(to: &sa) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                }
            }
        }
        guard bound == 0 else {
            let code = errno
            close(fd)
            throw Failure(errno: code, call: "bind \(address)")
        }
        guard listen(fd, 16) == 0 else {
            let code = errno
            close(fd)
            throw Failure(errno: code, call: "listen")
        }
        var pipeEnds: [Int32] = [-1, -1]
        // Glibc does not show pipe2 to Swift: flags set right after (made at start, before any child is spawned).
        guard pipe(&pipeEnds) == 0 else {
            let code = errno
            close(fd)
            throw Failure(errno: code, call: "pipe")
        }
        for end in pipeEnds {
            _ = fcntl(end, F_SETFD, FD_CLOEXEC)
            _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
        }
        listener = fd
        wake = (pipeEnds[0], pipeEnds[1])
        port = Self.localPort(fd) ?? address.port
    }

    /// The page every scrape gets from now on.
    public func publish(_ body: [UInt8]) {
        page.withLock { $0 = body }
    }

    /// Starts serving on a thread of its own; false if none could be started.
    public func start() -> Bool {
        WorkerThread.detach { [self] in
            WorkerThread.nameCurrent("simwatch-metrics")
            serve()
        }
    }

    /// Stops serving: the thread closes every connection and the listener, and ends. Any thread; once.
    public func stop() {
        var byte: UInt8 = 1
        _ = write(wake.write, &byte, 1)
    }

    // MARK: - the serving thread

    private final class Connection {
        let fd: Int32
        let deadline: UInt64
        var request: [UInt8] = []
        var response: [UInt8] = []
        var sent = 0

        init(fd: Int32, deadline: UInt64) {
            self.fd = fd
            self.deadline = deadline
        }
    }

    private func serve() {
        var connections: [Connection] = []
        defer {
            for connection in connections { close(connection.fd) }
            close(listener)
            close(wake.read)
            close(wake.write)
        }
        while true {
            var fds = [pollfd(fd: wake.read, events: Int16(POLLIN), revents: 0)]
            let accepting = connections.count < Self.maxConnections
            fds.append(pollfd(fd: accepting ? listener : -1, events: Int16(POLLIN), revents: 0))
            for connection in connections {
                let events = connection.response.isEmpty ? POLLIN : POLLOUT
                fds.append(pollfd(fd: connection.fd, events: Int16(events), revents: 0))
            }
            let now = EventLoop.uptimeNanoseconds
            let soonest = connections.map(\.deadline).min()
            let wait = soonest.map { Int32(min(($0 > now ? $0 - now : 0) / 1_000_000 + 1, 60_000)) } ?? -1
            let ready = poll(&fds, nfds_t(fds.count), wait)
            if ready < 0 && errno != EINTR { return }
            if fds[0].revents != 0 { return }
            var open: [Connection] = []
            for (index, connection) in connections.enumerated() {
                let events = fds[index + 2].revents
                if events != 0, !handle(connection, events: events) {
                    close(connection.fd)
                } else if EventLoop.uptimeNanoseconds >= connection.deadline {
                    close(connection.fd)
                } else {
                    open.append(connection)
                }
            }
            connections = open
            if accepting, fds[1].revents != 0 {
                while connections.count < Self.maxConnections {
                    let fd = Self.accept(listener)
                    guard fd >= 0 else { break }
                    connections.append(
                        Connection(fd: fd, deadline: EventLoop.deadline(after: Self.timeout))
                    )
                }
            }
        }
    }

    /// Reads or writes what the connection is ready for; false when it is done (answered, or gone).
    private func handle(_ connection: Connection, events: Int16) -> Bool {
        if connection.response.isEmpty {
            guard events & Int16(POLLIN | POLLHUP | POLLERR) != 0 else { return true }
            var buffer = [UInt8](repeating: 0, count: 4096)
            let count = buffer.withUnsafeMutableBytes { recv(connection.fd, $0.baseAddress, $0.count, 0) }
            if count < 0 { return errno == EAGAIN || errno == EINTR }
            if count == 0 { return false }
            connection.request += buffer[..<count]
            if let head = MetricsRequest.head(of: connection.request) {
                connection.response = MetricsRequest.answer(head, page: page.withLock { $0 })
            } else if connection.request.count > Self.maxRequestBytes {
                connection.response = MetricsRequest.response(431, "request head too large\n")
            } else {
                return true
            }
        }
        let count = connection.response[connection.sent...].withUnsafeBytes {
            send(connection.fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL))
        }
        if count < 0 { return errno == EAGAIN || errno == EINTR }
        connection.sent += count
        if connection.sent < connection.response.count { return true }
        shutdown(connection.fd, Int32(SHUT_WR))
        // What the client sent past the head, read and dropped (a little of it): closing with unread data would
        // reset the connection, and the client could lose the answer.
        var sink = [UInt8](repeating: 0, count: 4096)
        for _ in 0..<4 {
            let count = sink.withUnsafeMutableBytes {
                recv(connection.fd, $0.baseAddress, $0.count, Int32(MSG_DONTWAIT))
            }
            if count <= 0 { break }
        }
        return false
    }

    private static func localPort(_ fd: Int32) -> Int? {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let ok = withUnsafeMutablePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        guard ok == 0 else { return nil }
        let family = storage.ss_family
        return withUnsafePointer(to: &storage) { pointer -> Int in
            if family == sa_family_t(AF_INET6) {
                return pointer.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) {
                    Int(UInt16(bigEndian: $0.pointee.sin6_port))
                }
            }
            return pointer.withMemoryRebound(to: sockaddr_in.self, capacity: 1) {
                Int(UInt16(bigEndian: $0.pointee.sin_port))
            }
        }
    }

    /// accept4 with SOCK_NONBLOCK | SOCK_CLOEXEC (looked up: Glibc declares it only under _GNU_SOURCE), so a child
    /// spawned meanwhile by another thread never inherits a connection.
    private static func accept(_ listener: Int32) -> Int32 {
        let flags = Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue)
        if let accept4 = accept4Function { return accept4(listener, nil, nil, flags) }
        let fd = Glibc.accept(listener, nil, nil)
        if fd >= 0 {
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        }
        return fd
    }

    private typealias Accept4 =
        @convention(c) (Int32, UnsafeMutablePointer<sockaddr>?, UnsafeMutablePointer<socklen_t>?, Int32) -> Int32

    private static let accept4Function: Accept4? = {
        guard let symbol = dlsym(nil, "accept4") else { return nil }
        return unsafeBitCast(symbol, to: Accept4.self)
    }()
}
