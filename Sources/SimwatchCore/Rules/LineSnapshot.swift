public import FoundationEssentials

/// Everything the rules may look at for one line at one moment. Built by the daemon from the store; rules never
/// read anything else, so they can be tested with a table of snapshots.
public struct LineSnapshot: Sendable {
    public var line: Line
    public var period: PlanPeriod?
    /// The newest successful reading.
    public var latest: Reading?
    /// Recent successful readings, oldest first, for the pace.
    public var recent: [Reading]
    public var lastSuccessAt: Date?
    /// When the daemon started watching this line (the stale rule's clock before any success).
    public var watchingSince: Date
    public var lastError: String?

    public init(
        line: Line,
        period: PlanPeriod? = nil,
        latest: Reading? = nil,
        recent: [Reading] = [],
        lastSuccessAt: Date? = nil,
        watchingSince: Date,
        lastError: String? = nil
    ) {
        self.line = line
        self.period = period
        self.latest = latest
        self.recent = recent
        self.lastSuccessAt = lastSuccessAt
        self.watchingSince = watchingSince
        self.lastError = lastError
    }

    public var remaining: ByteCount? { latest?.effectiveRemaining }
    public var total: ByteCount? { latest?.total ?? period?.quota }
    public var expiresAt: Date? { latest?.expiresAt ?? period?.expiresAt }
    public var status: Reading.Status { latest?.status ?? .unknown }
}
