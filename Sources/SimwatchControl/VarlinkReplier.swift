import Synchronization

/// Sends the replies to one call. Given to `VarlinkHandler.handle`; valid until the handler returns.
public struct VarlinkReplier: Sendable {
    /// The caller set `"more": true` and accepts a stream of replies.
    public let wantsMore: Bool
    /// The caller set `"oneway": true`: replies are dropped.
    public let isOneway: Bool
    let connection: VarlinkConnection
    private let state: State

    init(connection: VarlinkConnection, wantsMore: Bool, isOneway: Bool) {
        self.connection = connection
        self.wantsMore = wantsMore
        self.isOneway = isOneway
        self.state = State()
    }

    /// Sends one reply; `continues: true` (only when `wantsMore`) promises more replies to this call.
    ///
    /// Returns once the reply is written to the socket (a slow reader slows the sender, up to the write
    /// timeout). Throws `.closed` when the peer went away, `.malformed` when the reply breaks the protocol
    /// (`continues` without `more`, or a reply after the final one).
    public func send(_ parameters: JSONValue, continues: Bool = false) async throws(VarlinkTransportError) {
        if continues && !wantsMore { throw .malformed("continues: true needs a call with more: true") }
        guard state.claim(final: !continues) else { throw .malformed("the final reply was already sent") }
        try await write(VarlinkReply(parameters: parameters, continues: continues))
    }

    /// Sends a typed reply (snake_case on the wire, as `ControlCodec` encodes it).
    public func send<T: Encodable>(_ reply: T, continues: Bool = false) async throws(VarlinkTransportError) {
        try await send(ControlCodec.encode(reply), continues: continues)
    }

    /// True once the final reply (or error) was sent.
    public var isFinished: Bool { state.isFinished }

    /// Sends `error` as the final reply unless one was sent already.
    func fail(_ error: ControlError) async {
        guard state.claim(final: true) else { return }
        try? await write(VarlinkReply(error: error))
    }

    /// Sends `{}` as the final reply unless one was sent already.
    func finish() async {
        guard state.claim(final: true) else { return }
        try? await write(VarlinkReply())
    }

    private func write(_ reply: VarlinkReply) async throws(VarlinkTransportError) {
        if connection.isClosed { throw .closed }
        if isOneway { return }
        let bytes: [UInt8]
        do {
            bytes = try reply.framed()
        } catch {
            throw .malformed("reply is not encodable as JSON: \(error)")
        }
        try await connection.write(bytes)
    }

    private final class State: Sendable {
        private let finished = Atomic<Bool>(false)

        var isFinished: Bool { finished.load(ordering: .acquiring) }

        // A final reply claims the call; a continuing one only checks that the call is still open.
        func claim(final: Bool) -> Bool {
            if final { return !finished.exchange(true, ordering: .acquiringAndReleasing) }
            return !finished.load(ordering: .acquiring)
        }
    }
}
