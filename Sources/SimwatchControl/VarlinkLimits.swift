/// What the control server tolerates from one connection before dropping it.
public struct VarlinkLimits: Sendable, Hashable {
    /// The largest call accepted, in bytes without the NUL. A larger one gets an `InvalidParameter` error
    /// (parameter "message") and the connection is closed.
    public var maxMessageBytes: Int
    /// Seconds a connection may take to send a complete call, counted from connecting or from the final reply to
    /// its previous call. A connection past it is closed. Calls in progress (an `Events` stream) are not limited.
    public var callDeadline: Double
    /// Connections served at once; further ones are accepted and closed at once.
    public var maxConnections: Int
    /// Seconds a reply may wait for a client that does not read; the client is dropped after that.
    public var writeTimeout: Double

    public init(
        maxMessageBytes: Int = 65_536,
        callDeadline: Double = 10,
        maxConnections: Int = 64,
        writeTimeout: Double = 10
    ) {
        self.maxMessageBytes = maxMessageBytes
        self.callDeadline = callDeadline
        self.maxConnections = maxConnections
        self.writeTimeout = writeTimeout
    }
}
