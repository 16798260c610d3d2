import Glibc

/// A small blocking Varlink client for simwatchctl: one connection, one call at a time, `poll()` for timeouts.
///
/// Not thread-safe; use one client per thread. After a stream is abandoned (the closure returned false or threw)
/// the connection is closed, since the server would keep sending; open a new client for further calls.
public final class VarlinkClient {
    /// The socket path this client is connected to.
    public let path: String
    /// Seconds to wait for each reply (and for a write or connect to make progress).
    public var timeout: Double
    private var fd: Int32
    private var frames: VarlinkFrame.Buffer

    /// Connects to the control socket at `path`.
    ///
    /// Throws `.io` with the errno on failure: ENOENT (no socket) or ECONNREFUSED (stale socket) mean the daemon
    /// is not running (`isNotRunning`), EACCES that the socket belongs to someone else.
    public init(path: String, timeout: Double = 30, maxReplyBytes: Int = 16 << 20) throws(VarlinkTransportError) {
        self.path = path
        self.timeout = timeout
        self.frames = VarlinkFrame.Buffer(limit: maxReplyBytes)
        fd = try UnixSocket.make(nonBlocking: false)
        // Bounds a blocking connect (full backlog) and every send.
        var limit = Self.timeval(seconds: timeout)
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        let result = try UnixSocket.withAddress(path) { connect(fd, $0, $1) }
        if result != 0 {
            let code = errno
            Glibc.close(fd)
            fd = -1
            if code == EAGAIN || code == EINPROGRESS {
                throw VarlinkTransportError(code: .timeout, errno: code, detail: "connect \(path)")
            }
            throw .io(code, "connect \(path)")
        }
    }

    deinit { close() }

    /// Closes the connection. Later calls throw `.closed`.
    public func close() {
        guard fd >= 0 else { return }
        Glibc.close(fd)
        fd = -1
    }

    /// Calls a typed method and returns its reply. Throws `ControlError` for an error reply and
    /// `VarlinkTransportError` for everything else.
    public func call<M: ControlMethod>(_ method: M.Type, _ parameters: M.Parameters) throws -> M.Reply {
        let replies = try callRaw(method: M.name, parameters: ControlCodec.encode(parameters))
        guard let reply = replies.last else { throw VarlinkTransportError.closed }
        return try Self.decode(M.self, reply)
    }

    /// Calls a method with `more: true` and passes each reply to `each` until the server sends the last one or
    /// `each` returns false (which closes the connection). `idleTimeout` bounds the wait for each reply; nil waits
    /// as long as it takes (an event stream may be quiet for hours).
    public func stream<M: ControlMethod>(
        _ method: M.Type,
        _ parameters: M.Parameters,
        idleTimeout: Double? = nil,
        _ each: (M.Reply) throws -> Bool
    ) throws {
        try send(VarlinkCall(method: M.name, parameters: ControlCodec.encode(parameters), more: true))
        var finished = false
        defer { if !finished { close() } }
        while true {
            let reply = try receive(timeout: idleTimeout)
            if let error = reply.controlError {
                finished = true
                throw error
            }
            let keepGoing = try each(try Self.decode(M.self, reply.parameters))
            if !reply.continues {
                finished = true
                return
            }
            if !keepGoing { return }
        }
    }

    /// Calls `method` and returns the parameters of every reply (one, or several with `more`; none with
    /// `oneway`). Throws `ControlError` for an error reply.
    public func callRaw(
        method: String,
        parameters: JSONValue = .object([:]),
        more: Bool = false,
        oneway: Bool = false
    ) throws -> [JSONValue] {
        try send(VarlinkCall(method: method, parameters: parameters, more: more, oneway: oneway))
        if oneway { return [] }
        var replies: [JSONValue] = []
        while true {
            let reply = try receive(timeout: timeout)
            if let error = reply.controlError { throw error }
            replies.append(reply.parameters)
            if !reply.continues || !more { return replies }
        }
    }

    /// `org.varlink.service.GetInfo`.
    public func getInfo() throws -> VarlinkInfo {
        let reply = try callRaw(method: "org.varlink.service.GetInfo")
        guard let info = reply.last else { throw VarlinkTransportError.closed }
        do throws(ControlError) {
            return try ControlCodec.decode(VarlinkInfo.self, from: info)
        } catch {
            throw VarlinkTransportError.malformed("GetInfo reply: \(error)")
        }
    }

    /// `org.varlink.service.GetInterfaceDescription`.
    public func interfaceDescription(_ interface: String) throws -> String {
        let reply = try callRaw(
            method: "org.varlink.service.GetInterfaceDescription",
            parameters: .object(["interface": .string(interface)])
        )
        guard let description = reply.last?["description"]?.stringValue else {
            throw VarlinkTransportError.malformed("GetInterfaceDescription reply has no description")
        }
        return description
    }

    /// Writes one call. With `send` and `receive` a caller can pipeline several calls.
    public func send(_ call: VarlinkCall) throws(VarlinkTransportError) {
        guard fd >= 0 else { throw .closed }
        let bytes: [UInt8]
        do {
            bytes = try call.framed()
        } catch {
            throw .malformed("call is not encodable as JSON: \(error)")
        }
        var offset = 0
        while offset < bytes.count {
            let count = bytes.withUnsafeBytes { UnixSocket.send(fd, UnsafeRawBufferPointer(rebasing: $0[offset...])) }
            if count > 0 {
                offset += count
                continue
            }
            let code = errno
            if code == EINTR { continue }
            if code == EAGAIN || code == EWOULDBLOCK { throw VarlinkTransportError(code: .timeout, detail: "write") }
            if UnixSocket.isDisconnect(code) { throw .closed }
            throw .io(code, "write \(path)")
        }
    }

    /// Reads the next reply, waiting at most `timeout` seconds (nil: forever).
    public func receive(timeout: Double?) throws(VarlinkTransportError) -> VarlinkReply {
        let deadline = timeout.map { ContinuousClock.now + .milliseconds(Self.boundedMilliseconds($0)) }
        while true {
            guard fd >= 0 else { throw .closed }
            if let message = try frames.next() { return try VarlinkReply.decode(message) }
            var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let wait = deadline.map { Self.milliseconds(until: $0) } ?? -1
            // The daemon answers a query in a fraction of a millisecond: look again for that long before sleeping,
            // sparing the wake-up that would otherwise follow the reply (a one-shot command, so the spin is short
            // and bounded).
            var ready = Self.spinUntilReadable(&poller)
            if ready == 0 { ready = poll(&poller, 1, wait) }
            if ready < 0 {
                if errno == EINTR { continue }
                throw .io(errno, "poll")
            }
            if ready == 0 { throw VarlinkTransportError(code: .timeout, detail: "no reply within \(timeout ?? 0)s") }
            let count = withUnsafeTemporaryAllocation(byteCount: 64 * 1024, alignment: 1) { chunk in
                let count = recv(fd, chunk.baseAddress, chunk.count, 0)
                if count > 0 { frames.append(UnsafeRawBufferPointer(rebasing: chunk[..<count])) }
                return count
            }
            if count > 0 {
                continue
            } else if count == 0 {
                throw .closed
            } else {
                let code = errno
                if code == EINTR || code == EAGAIN { continue }
                if UnixSocket.isDisconnect(code) { throw .closed }
                throw .io(code, "read \(path)")
            }
        }
    }

    /// `poll` without sleeping, for up to `spinNanoseconds`; 0 if nothing came.
    private static func spinUntilReadable(_ poller: inout pollfd) -> Int32 {
        let start = ContinuousClock.now
        while start.duration(to: .now) < .nanoseconds(spinNanoseconds) {
            let ready = poll(&poller, 1, 0)
            if ready != 0 { return ready }
        }
        return 0
    }

    static let spinNanoseconds: Int64 = 400_000

    private static func decode<M: ControlMethod>(_ method: M.Type, _ reply: JSONValue) throws -> M.Reply {
        do throws(ControlError) {
            return try ControlCodec.decode(M.Reply.self, from: reply)
        } catch {
            throw VarlinkTransportError.malformed("reply to \(M.name) does not match the interface: \(error)")
        }
    }

    private static func milliseconds(until deadline: ContinuousClock.Instant) -> Int32 {
        let left = ContinuousClock.now.duration(to: deadline)
        if left <= .zero { return 0 }
        let (seconds, attoseconds) = left.components
        return Int32(clamping: seconds * 1000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000)
    }

    /// The longest timeout honoured: a year. A timeout is a command-line number (`poll --timeout 1e300`, `inf`,
    /// `nan`); converting one of those to an integer would trap, so it is bounded first.
    static let maximumTimeout: Double = 366 * 86_400

    /// `seconds` within 0 to `maximumTimeout`; NaN and negatives are zero (answer at once or time out).
    static func boundedSeconds(_ seconds: Double) -> Double {
        guard seconds > 0 else { return 0 }
        return min(seconds, maximumTimeout)
    }

    /// `seconds` as whole milliseconds, rounded up, after `boundedSeconds`.
    static func boundedMilliseconds(_ seconds: Double) -> Int64 {
        Int64((boundedSeconds(seconds) * 1000).rounded(.up))
    }

    static func timeval(seconds: Double) -> Glibc.timeval {
        let bounded = boundedSeconds(seconds)
        let whole = bounded.rounded(.down)
        return Glibc.timeval(tv_sec: Int(whole), tv_usec: Int((bounded - whole) * 1_000_000))
    }
}
