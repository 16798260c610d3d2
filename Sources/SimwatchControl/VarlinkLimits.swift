/// What the control server tolerates from one connection, and from all of them, before dropping a client.
///
/// Every client gets the same bounds, so no single one can make the daemon's memory grow or keep others out
/// (docs/control-protocol.md, "Limits").
public struct VarlinkLimits: Sendable, Hashable {
    /// The largest call accepted, in bytes without the NUL. A larger one gets an `InvalidParameter` error
    /// (parameter "message") and the connection is closed.
    public var maxMessageBytes: Int
    /// The deepest nesting of arrays and objects accepted in a call (the call object itself is depth 1). Checked
    /// on the bytes before the JSON decoder runs, whose recursion could otherwise exhaust the stack.
    public var maxNestingDepth: Int
    /// Calls a connection may have read ahead (pipelined) before the server stops reading from it until the
    /// queue is half drained. Replies are written one at a time, each awaited, so this bounds both.
    public var maxPipelinedCalls: Int
    /// Seconds a connection may take to send a complete call, counted from connecting or from the final reply to
    /// its previous call. A connection past it is closed. Calls in progress (an `Events` stream) are not limited.
    public var callDeadline: Double
    /// Connections served at once. When all are open, a new one closes the connection idle for longest (no call
    /// in progress), else the one streaming replies (`more`) for longest; when neither exists, the new one is
    /// closed at once.
    public var maxConnections: Int
    /// Seconds a reply may wait, from its first unwritten byte, for a client to read all of it; the client is
    /// dropped after that. Reading slowly does not extend it.
    public var writeTimeout: Double

    public init(
        maxMessageBytes: Int = 65_536,
        maxNestingDepth: Int = 64,
        maxPipelinedCalls: Int = 32,
        callDeadline: Double = 10,
        maxConnections: Int = 64,
        writeTimeout: Double = 10
    ) {
        self.maxMessageBytes = maxMessageBytes
        self.maxNestingDepth = maxNestingDepth
        self.maxPipelinedCalls = maxPipelinedCalls
        self.callDeadline = callDeadline
        self.maxConnections = maxConnections
        self.writeTimeout = writeTimeout
    }
}
