public import FoundationEssentials

/// One interface's counters as read at one moment.
public struct InterfaceCounters: Sendable, Hashable, Codable {
    public var rx: UInt64
    public var tx: UInt64
    /// The kernel's interface index; a new index under the same name is a new interface (counters from zero).
    public var ifindex: Int?

    public init(rx: UInt64, tx: UInt64, ifindex: Int? = nil) {
        self.rx = rx
        self.tx = tx
        self.ifindex = ifindex
    }
}

/// What the accumulator remembers between samples; stored in SQLite so a restart loses nothing.
public struct CounterState: Sendable, Hashable {
    /// The plan period the usage belongs to.
    public var periodStart: Date
    /// Bytes counted in this period.
    public var used: Int64
    public var bootID: String
    public var sampledAt: Date
    /// The last values of the interfaces present at the last sample (absent interfaces are left out).
    public var interfaces: [String: InterfaceCounters]
    /// Samples discarded as implausible, over the line's life.
    public var discarded: Int

    public init(
        periodStart: Date,
        used: Int64,
        bootID: String,
        sampledAt: Date,
        interfaces: [String: InterfaceCounters],
        discarded: Int = 0
    ) {
        self.periodStart = periodStart
        self.used = used
        self.bootID = bootID
        self.sampledAt = sampledAt
        self.interfaces = interfaces
        self.discarded = discarded
    }
}
