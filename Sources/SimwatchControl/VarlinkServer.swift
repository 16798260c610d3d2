public import Glibc
import SimwatchLoop
import Synchronization

/// The Varlink server of the control socket: accepts connections, checks the peer's uid, answers
/// `org.varlink.service` itself and routes calls of the served interfaces to the handler.
///
/// Sockets are non-blocking and driven by the event loop (SimwatchLoop); only the handler runs as Swift tasks. `run()` serves until `stop()` (or until its task is cancelled), then closes the
/// listener, which removes the socket file if `ControlSocket.bind` created it.
public final class VarlinkServer: Sendable {
    let listener: ControlSocket
    let handler: any VarlinkHandler
    let limits: VarlinkLimits
    let allowedUIDs: Set<uid_t>
    let log: @Sendable (String) -> Void
    let infoReply: JSONValue
    let descriptions: [String: String]
    let methods: [String: Set<String>]
    private let state = Mutex(State())
    private let accepting = Accepting()

    private struct State {
        var started = false
        var stopped = false
        var accepted: AsyncStream<VarlinkConnection>.Continuation?
        var connections: [Int: VarlinkConnection] = [:]
        var nextID = 1
        var listenerClosed = false
        var listenerClosedWaiter: CheckedContinuation<Void, Never>?
    }

    /// - Parameters:
    ///   - listener: the listening socket; the server closes it when it stops.
    ///   - allowedUIDs: peers whose uid is not in the set are refused with `PermissionDenied` and disconnected.
    ///   - log: receives one line per notable event (refused peer, limit hit, dropped client).
    public init(
        listener: ControlSocket,
        info: VarlinkServiceInfo,
        handler: any VarlinkHandler,
        limits: VarlinkLimits = VarlinkLimits(),
        allowedUIDs: Set<uid_t> = [getuid(), 0],
        log: @escaping @Sendable (String) -> Void = { _ in }
    ) {
        self.listener = listener
        self.handler = handler
        self.limits = limits
        self.allowedUIDs = allowedUIDs
        self.log = log
        var interfaces = [VarlinkServiceInfo.serviceInterfaceName]
        var descriptions = [VarlinkServiceInfo.serviceInterfaceName: VarlinkServiceInfo.serviceInterfaceDescription]
        var methods: [String: Set<String>] = [:]
        for interface in info.interfaces where interface.name != VarlinkServiceInfo.serviceInterfaceName {
            interfaces.append(interface.name)
            descriptions[interface.name] = interface.description
            methods[interface.name] = VarlinkServiceInfo.methods(in: interface.description)
        }
        self.descriptions = descriptions
        self.methods = methods
        self.infoReply = .object([
            "vendor": .string(info.vendor),
            "product": .string(info.product),
            "version": .string(info.version),
            "url": .string(info.url),
            "interfaces": .array(interfaces.map(JSONValue.string)),
        ])
    }

    /// Serves until `stop()` is called or the calling task is cancelled. Returns when every connection is closed.
    /// Call it once.
    public func run() async {
        let (accepted, continuation) = AsyncStream.makeStream(of: VarlinkConnection.self)
        let begin = state.withLock { state in
            guard !state.started, !state.stopped else { return false }
            state.started = true
            state.accepted = continuation
            return true
        }
        guard begin else {
            listener.close()
            return
        }
        EventLoop.run { [self] in
            // stop() may have come first: it closes the listener on the loop, in order.
            guard !accepting.closed else { return }
            let watch = LoopWatch(descriptor: listener.descriptor) { [weak self] _ in self?.acceptAvailable() }
            watch.set(.readable)
            accepting.watch = watch
        }
        await withTaskCancellationHandler {
            await withDiscardingTaskGroup { group in
                for await connection in accepted {
                    // High priority: the state thread serves a request before the polls' backlog.
                    group.addTask(priority: .high) { await self.serve(connection) }
                }
            }
        } onCancel: {
            self.stop()
        }
        // Cancellation ends the loop above at once; the listener closes on the event loop, so wait for it.
        stop()
        await withCheckedContinuation { (waiter: CheckedContinuation<Void, Never>) in
            let closed = state.withLock { state in
                if !state.listenerClosed { state.listenerClosedWaiter = waiter }
                return state.listenerClosed
            }
            if closed { waiter.resume() }
        }
    }

    /// Stops accepting, closes the listener and every connection (calls in progress are cancelled). Idempotent;
    /// `run()` returns once the connections' tasks have ended.
    public func stop() {
        let stopping: (accepted: AsyncStream<VarlinkConnection>.Continuation?, connections: [VarlinkConnection])? =
            state.withLock { state in
                if state.stopped { return nil }
                state.stopped = true
                if !state.started { state.started = true }
                return (state.accepted, Array(state.connections.values))
            }
        guard let stopping else { return }
        EventLoop.run { [self] in
            accepting.close()
            listener.close()
            stopping.accepted?.finish()
            state.withLock { state in
                state.listenerClosed = true
                return state.listenerClosedWaiter.take()
            }?.resume()
        }
        for connection in stopping.connections { connection.close(abandon: true) }
    }

    /// Connections open now.
    public var connectionCount: Int { state.withLock { $0.connections.count } }

    private func acceptAvailable() {
        while true {
            let fd = UnixSocket.accept(listener.descriptor)
            if fd >= 0 {
                admit(fd)
                continue
            }
            let code = errno
            switch code {
            case EINTR, ECONNABORTED, EPROTO: continue
            case EAGAIN, EWOULDBLOCK: return
            default:
                log("control: accept failed: \(String(cString: strerror(code))); pausing for a second")
                pauseAccepting()
                return
            }
        }
    }

    // Out of descriptors (EMFILE) leaves the listener readable: pause instead of spinning.
    private func pauseAccepting() {
        guard let watch = accepting.watch, accepting.pause == nil else { return }
        watch.set([])
        let accepting = accepting
        accepting.pause = LoopTimer {
            EventLoop.run {
                accepting.pause = nil
                accepting.watch?.set(.readable)
            }
        }
        accepting.pause?.arm(after: 1)
    }

    private func admit(_ fd: Int32) {
        let peer: PeerCredentials
        do {
            peer = try PeerCredentials.of(socket: fd)
        } catch {
            log("control: refused a connection: \(error)")
            Glibc.close(fd)
            return
        }
        guard allowedUIDs.contains(peer.uid) else {
            log("control: refused connection from \(peer): uid not allowed")
            if let reply = try? VarlinkReply(error: .permissionDenied).framed() {
                _ = reply.withUnsafeBytes { UnixSocket.send(fd, $0) }
            }
            Glibc.close(fd)
            return
        }
        typealias Admission = (connection: VarlinkConnection, evicted: (connection: VarlinkConnection, why: String)?)
        let admitted: Result<Admission, Refusal> = state.withLock { state in
            if state.stopped { return .failure(.stopping) }
            var evicted: (connection: VarlinkConnection, why: String)?
            if state.connections.count >= limits.maxConnections {
                guard let oldest = Self.evictionCandidate(in: state.connections.values) else {
                    return .failure(.full)
                }
                state.connections.removeValue(forKey: oldest.connection.id)
                evicted = oldest
            }
            let connection = VarlinkConnection(id: state.nextID, fd: fd, peer: peer, limits: limits, log: log)
            state.nextID += 1
            state.connections[connection.id] = connection
            state.accepted?.yield(connection)
            return .success((connection, evicted))
        }
        switch admitted {
        case .success(let (connection, evicted)):
            if let evicted {
                evicted.connection.close(
                    reason:
                        "\(evicted.why) with \(limits.maxConnections) connections open; closed for connection \(connection.id)"
                )
            }
            connection.start()
        case .failure(let refusal):
            if refusal == .full {
                log(
                    "control: refused connection from \(peer): \(limits.maxConnections) connections open, none idle or streaming"
                )
            }
            Glibc.close(fd)
        }
    }

    // The connection a new client replaces when every slot is taken: the one idle for longest (no call in
    // progress), else the one streaming for longest (an `Events` subscription, perhaps never read). Clients that
    // connect and say nothing, or subscribe and never read, so cannot lock out a `simwatchctl status`. A call
    // that is neither idle nor streaming is short-lived (or dropped by the write timeout) and is left alone.
    private static func evictionCandidate(
        in connections: some Sequence<VarlinkConnection>
    ) -> (connection: VarlinkConnection, why: String)? {
        var idle: (connection: VarlinkConnection, since: UInt64)?
        var streaming: (connection: VarlinkConnection, since: UInt64)?
        for connection in connections {
            if let since = connection.idleSince {
                if let current = idle, current.since <= since { continue }
                idle = (connection, since)
            } else if let since = connection.streamingSince {
                if let current = streaming, current.since <= since { continue }
                streaming = (connection, since)
            }
        }
        if let idle { return (idle.connection, "idle for longest") }
        if let streaming { return (streaming.connection, "streaming for longest") }
        return nil
    }

    private enum Refusal: Error {
        case stopping, full
    }

    func forget(_ connection: VarlinkConnection) {
        state.withLock { _ = $0.connections.removeValue(forKey: connection.id) }
    }
}

/// The listener's watch and the pause after a failed accept; touched on the event loop's thread only.
private final class Accepting: @unchecked Sendable {
    // @unchecked: confined to the event loop's thread.
    var watch: LoopWatch?
    var pause: LoopTimer?
    var closed = false

    /// Stops watching the listener for good (before it is closed).
    func close() {
        closed = true
        watch?.cancel()
        watch = nil
        pause = nil
    }
}
