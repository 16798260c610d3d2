import Glibc
import SimwatchLoop
import Synchronization

/// One accepted client: reads calls and writes replies as the event loop reports the socket ready, and enforces the
/// limits. Calls come out of `incoming` in order; the server's task for the connection handles them.
///
/// Nothing here blocks: the socket is non-blocking and every syscall runs on the event loop's thread.
// All mutable state is confined to the event loop's thread (the watch and timers call back there and every entry
// point hops onto it), which is why the class is @unchecked Sendable; the flags read from other threads are atomics.
final class VarlinkConnection: @unchecked Sendable {
    /// What the reading side hands to the serving task.
    enum Incoming: Sendable {
        /// A complete, well-formed call.
        case call(VarlinkCall)
        /// The stream cannot go on: reply with the error, then close. Always the last element.
        case reject(ControlError, reason: String)
    }

    let id: Int
    let peer: PeerCredentials
    let incoming: AsyncStream<Incoming>
    private let fd: Int32
    private let limits: VarlinkLimits
    private let log: @Sendable (String) -> Void
    private let continuation: AsyncStream<Incoming>.Continuation
    private let closedFlag = Atomic<Bool>(false)
    private let abandonedFlag = Atomic<Bool>(false)
    // Uptime in nanoseconds since when the connection waits for a call with none in progress; 0 while busy or
    // closed. Read by the server to pick the connection to evict when all slots are taken. Idle from admission: the
    // server may admit a whole backlog of connections before any of them has read a byte.
    private let idleSinceNanoseconds = Atomic<UInt64>(max(1, EventLoop.uptimeNanoseconds))
    // Uptime in nanoseconds since when the call in progress streams replies (`more`); 0 otherwise.
    private let streamingSinceNanoseconds = Atomic<UInt64>(0)

    // Mutable state, in four parts and the watch. One watch serves both directions: readable while reading is
    // active, writable while replies wait for room in the socket buffer.
    private var watch: LoopWatch?
    private var input: Input
    private var output = Output()
    private var calls = Calls()
    private var timers = Timers()

    /// The reading side: bytes read and not yet framed, and where reading stands.
    private struct Input {
        enum Phase { case notStarted, active, paused, done }
        var frames: VarlinkFrame.Buffer
        var phase = Phase.notStarted
    }

    /// The writing side: replies not yet in the socket, and whether the watch waits for room.
    private struct Output {
        var pending = PendingOutput()
        var waitingForRoom = false
    }

    /// Calls handed to the serving task and not finished yet; the one it runs now.
    private struct Calls {
        var inFlight = 0
        var current: Task<Void, Never>?
        var currentIsOneway = false
    }

    /// The deadlines: a call to arrive, replies to be read, and the hang-up check while reading is paused.
    private struct Timers {
        var idle: DeadlineTimer?
        var write: DeadlineTimer?
        var hangup: DeadlineTimer?

        mutating func cancelAll() {
            for timer in [idle, write, hangup] { timer?.cancel() }
            (idle, write, hangup) = (nil, nil, nil)
        }
    }

    init(id: Int, fd: Int32, peer: PeerCredentials, limits: VarlinkLimits, log: @escaping @Sendable (String) -> Void) {
        self.id = id
        self.fd = fd
        self.peer = peer
        self.limits = limits
        self.log = log
        self.input = Input(frames: VarlinkFrame.Buffer(limit: limits.maxMessageBytes))
        (incoming, continuation) = AsyncStream.makeStream(of: Incoming.self)
    }

    /// True once the connection is closed (by either side); replies can no longer be delivered.
    var isClosed: Bool { closedFlag.load(ordering: .acquiring) }

    /// True when the server is stopping: queued calls are dropped, even oneway ones.
    var isAbandoned: Bool { abandonedFlag.load(ordering: .acquiring) }

    /// Since when (uptime nanoseconds) the connection has been waiting for a call with none in progress; nil
    /// while a call is read ahead or running, or once closed.
    var idleSince: UInt64? {
        let value = idleSinceNanoseconds.load(ordering: .acquiring)
        return value == 0 ? nil : value
    }

    /// Since when (uptime nanoseconds) the call in progress has been streaming replies (an `Events`
    /// subscription); nil when no streaming call runs.
    var streamingSince: UInt64? {
        let value = streamingSinceNanoseconds.load(ordering: .acquiring)
        return value == 0 ? nil : value
    }

    /// Starts reading and the deadline for the first call.
    func start() {
        EventLoop.execute { self.startOnLoop() }
    }

    /// Writes `bytes`; returns once all of them are in the socket. Throws `.closed` if the connection closes first.
    func write(_ bytes: [UInt8]) async throws(VarlinkTransportError) {
        let failure: VarlinkTransportError? = await withCheckedContinuation { continuation in
            EventLoop.run { self.enqueue(bytes) { continuation.resume(returning: $0) } }
        }
        if let failure { throw failure }
    }

    /// The serving task finished a call (its final reply is written): restart the deadline when idle.
    func callFinished() {
        streamingSinceNanoseconds.store(0, ordering: .releasing)
        EventLoop.run {
            self.calls.inFlight -= 1
            self.calls.current = nil
            guard !self.isClosed else { return }
            if self.input.phase == .paused && self.calls.inFlight <= self.limits.maxPipelinedCalls / 2 {
                self.resumeReading()
            }
            if self.calls.inFlight == 0 && self.input.phase != .done { self.armIdleDeadline() }
        }
    }

    /// The task running the current call, cancelled when the peer hangs up (unless oneway) or the server stops.
    /// `streaming`: the call asked for `more` replies, and may run for as long as the client stays.
    func setCurrent(_ task: Task<Void, Never>, oneway: Bool, streaming: Bool) {
        if streaming {
            streamingSinceNanoseconds.store(max(1, EventLoop.uptimeNanoseconds), ordering: .releasing)
        }
        EventLoop.run {
            self.calls.current = task
            self.calls.currentIsOneway = oneway
            if self.isClosed && (!oneway || self.isAbandoned) { task.cancel() }
        }
    }

    /// Closes the connection, logging `reason` when given. `abandon` (server stop) also drops queued calls.
    func close(reason: String? = nil, abandon: Bool = false) {
        EventLoop.run { self.closeNow(reason, abandon: abandon) }
    }

    // MARK: - Reading

    private func startOnLoop() {
        guard !isClosed else { return }
        watch = LoopWatch(descriptor: fd) { [weak self] events in self?.ready(events) }
        input.phase = .active
        timers.idle = DeadlineTimer { self.idleDeadlinePassed() }
        armIdleDeadline()
        updateInterest()
    }

    private func ready(_ events: LoopWatch.Events) {
        let trouble = !events.isDisjoint(with: [.hangup, .error])
        if output.waitingForRoom && (events.contains(.writable) || trouble) { flush() }
        if wantsToRead && !isClosed && (events.contains(.readable) || trouble) { readAvailable() }
    }

    private var wantsToRead: Bool { input.phase == .active }

    private func updateInterest() {
        guard let watch, !isClosed else { return }
        var events: LoopWatch.Events = []
        if wantsToRead { events.insert(.readable) }
        if output.waitingForRoom { events.insert(.writable) }
        let status = watch.set(events)
        if status != 0 { closeNow("cannot watch the socket: \(String(cString: strerror(status)))") }
    }

    private func readAvailable() {
        var budget = 1 << 20
        while budget > 0 && wantsToRead && !isClosed {
            let count = withUnsafeTemporaryAllocation(byteCount: 16 * 1024, alignment: 1) { chunk in
                let count = recv(fd, chunk.baseAddress, chunk.count, 0)
                if count > 0 { input.frames.append(UnsafeRawBufferPointer(rebasing: chunk[..<count])) }
                return count
            }
            if count > 0 {
                budget -= count
                drainFrames()
            } else if count == 0 {
                peerFinishedSending()
            } else {
                let code = errno
                if code == EINTR { continue }
                if code == EAGAIN || code == EWOULDBLOCK { return }
                closeNow(UnixSocket.isDisconnect(code) ? nil : "read failed: \(String(cString: strerror(code)))")
            }
        }
    }

    // Stops at the pipelining bound: the rest stays in `frames` until `resumeReading` (the read-ahead queue, not
    // the socket buffer, would otherwise take everything one read brought).
    private func drainFrames() {
        while wantsToRead {
            let message: [UInt8]?
            do {
                message = try input.frames.next()
            } catch {
                reject(.invalidParameter("message"), "message larger than \(limits.maxMessageBytes) bytes")
                return
            }
            guard let message else { return }
            if let problem = MessageScreen.problem(in: message, maxDepth: limits.maxNestingDepth) {
                reject(.invalidParameter("message"), "malformed call (message: \(problem))")
                return
            }
            switch VarlinkCall.parse(message) {
            case .success(let call):
                calls.inFlight += 1
                disarmIdleDeadline()
                continuation.yield(.call(call))
                if calls.inFlight >= limits.maxPipelinedCalls { pauseReading() }
            case .failure(let failure):
                reject(.invalidParameter(failure.field), "malformed call (\(failure.field): \(failure.reason))")
                return
            }
        }
    }

    private func reject(_ error: ControlError, _ reason: String) {
        stopReading()
        continuation.yield(.reject(error, reason: reason))
        continuation.finish()
    }

    // EOF: the peer either shut down its sending side (it still reads: answer the calls already sent) or closed the
    // socket altogether (POLLHUP: nobody will read, so close now and cancel the call in progress).
    private func peerFinishedSending() {
        stopReading()
        var poller = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
        if poll(&poller, 1, 0) == 1 && poller.revents & Int16(POLLHUP) != 0 {
            closeNow(nil)
        } else {
            continuation.finish()
        }
    }

    private func stopReading() {
        input.phase = .done
        disarmIdleDeadline()
        updateInterest()
    }

    private func pauseReading() {
        guard input.phase == .active else { return }
        input.phase = .paused
        updateInterest()
        watchForHangup()
    }

    // While reading is paused the read source cannot report a hang-up: look for one twice a second instead, so a
    // client that pipelined calls and left does not keep the call in progress (and those queued) running.
    private func watchForHangup() {
        if timers.hangup == nil { timers.hangup = DeadlineTimer { self.checkForHangup() } }
        timers.hangup?.arm(after: 0.5)
    }

    private func checkForHangup() {
        guard input.phase == .paused, !isClosed else { return }
        var poller = pollfd(fd: fd, events: 0, revents: 0)
        if poll(&poller, 1, 0) == 1 && poller.revents & Int16(POLLHUP | POLLERR) != 0 {
            closeNow(nil)
        } else {
            timers.hangup?.arm(after: 0.5)
        }
    }

    // Calls already buffered go first (they may fill the queue again, which pauses reading again).
    private func resumeReading() {
        guard input.phase == .paused else { return }
        input.phase = .active
        timers.hangup?.disarm()
        updateInterest()
        drainFrames()
    }

    // MARK: - Deadlines

    private func armIdleDeadline() {
        timers.idle?.arm(after: limits.callDeadline)
        idleSinceNanoseconds.store(max(1, EventLoop.uptimeNanoseconds), ordering: .releasing)
    }

    private func disarmIdleDeadline() {
        timers.idle?.disarm()
        idleSinceNanoseconds.store(0, ordering: .releasing)
    }

    private func idleDeadlinePassed() {
        guard calls.inFlight == 0, input.phase != .done, !isClosed else { return }
        closeNow("no complete call within \(limits.callDeadline)s; closed")
    }

    private func writeDeadlinePassed() {
        guard !output.pending.isEmpty, !isClosed else { return }
        closeNow("client did not read its replies within \(limits.writeTimeout)s; dropped")
    }

    // MARK: - Writing

    private func enqueue(_ bytes: [UInt8], _ done: @escaping PendingOutput.Completion) {
        guard !isClosed else {
            done(.closed)
            return
        }
        output.pending.append(bytes, completion: done)
        flush()
    }

    private func flush() {
        while !output.pending.isEmpty {
            let count = output.pending.withUnwritten { UnixSocket.send(fd, $0) }
            if count > 0 {
                for completion in output.pending.markWritten(count) { completion(nil) }
                continue
            }
            let code = errno
            if count < 0 && code == EINTR { continue }
            if count < 0 && (code == EAGAIN || code == EWOULDBLOCK) { break }
            closeNow(UnixSocket.isDisconnect(code) ? nil : "write failed: \(String(cString: strerror(code)))")
            return
        }
        if output.pending.isEmpty {
            if output.waitingForRoom {
                output.waitingForRoom = false
                updateInterest()
            }
            timers.write?.disarm()
        } else {
            waitUntilWritable()
        }
    }

    // The socket buffer is full: wait for it to drain, and give up on a client that has not read everything
    // within the write timeout. The deadline runs from the first byte that had to wait, and reading a little now
    // and then does not extend it, so a slow reader cannot hold its slot for ever.
    private func waitUntilWritable() {
        if !output.waitingForRoom {
            output.waitingForRoom = true
            updateInterest()
        }
        if timers.write == nil { timers.write = DeadlineTimer { self.writeDeadlinePassed() } }
        if timers.write?.isArmed == false { timers.write?.arm(after: limits.writeTimeout) }
    }

    // MARK: - Closing

    private func closeNow(_ reason: String?, abandon: Bool = false) {
        if abandon { abandonedFlag.store(true, ordering: .releasing) }
        guard !isClosed else {
            if abandon { calls.current?.cancel() }
            return
        }
        closedFlag.store(true, ordering: .releasing)
        if let reason { log("control: connection \(id) (\(peer)): \(reason)") }
        stopReading()
        continuation.finish()
        timers.cancelAll()
        output.waitingForRoom = false
        // The watch goes before the descriptor it watches.
        watch?.cancel()
        watch = nil
        for completion in output.pending.discard() { completion(.closed) }
        if let task = calls.current, !calls.currentIsOneway || abandon { task.cancel() }
        Glibc.close(fd)
    }
}
