public import FoundationEssentials

/// What a provider saw at one moment.
public struct Reading: Sendable, Hashable, Codable {
    /// The plan's state as the provider reports it. Unlimited and not-yet-activated plans are states, not errors.
    public enum Status: String, Sendable, Hashable, Codable, CaseIterable {
        case active
        case notActive = "not_active"
        case finished
        case expired
        case unlimited
        case unknown
    }

    public var lineID: String
    public var observedAt: Date
    /// When the provider last refreshed its own figures (APIs often cache for minutes).
    public var providerUpdatedAt: Date?
    public var remaining: ByteCount?
    public var used: ByteCount?
    public var total: ByteCount?
    public var credit: Money?
    public var expiresAt: Date?
    public var status: Status
    /// Which adapter produced it ("demo", "airalo", "manual" ...).
    public var source: String
    /// True when the figure was estimated (from pace) rather than observed.
    public var estimated: Bool

    public init(
        lineID: String,
        observedAt: Date,
        providerUpdatedAt: Date? = nil,
        remaining: ByteCount? = nil,
        used: ByteCount? = nil,
        total: ByteCount? = nil,
        credit: Money? = nil,
        expiresAt: Date? = nil,
        status: Status = .active,
        source: String,
        estimated: Bool = false
    ) {
        self.lineID = lineID
        self.observedAt = observedAt
        self.providerUpdatedAt = providerUpdatedAt
        self.remaining = remaining
        self.used = used
        self.total = total
        self.credit = credit
        self.expiresAt = expiresAt
        self.status = status
        self.source = source
        self.estimated = estimated
    }

    /// Remaining data, derived from total and used when the provider gives only those.
    public var effectiveRemaining: ByteCount? {
        if let remaining { return remaining }
        if let total, let used {
            // Overflow only for figures far outside `Plausible` (such as a used amount near Int64.min): saturate.
            let (left, overflow) = total.bytes.subtractingReportingOverflow(used.bytes)
            return ByteCount(bytes: overflow ? (used.bytes < 0 ? .max : 0) : max(0, left))
        }
        return nil
    }

    /// Data used, derived from total and remaining when the provider gives only those.
    public var effectiveUsed: ByteCount? {
        if let used { return used }
        guard let total, let remaining else { return nil }
        let (spent, overflow) = total.bytes.subtractingReportingOverflow(max(0, remaining.bytes))
        return ByteCount(bytes: overflow ? 0 : max(0, spent))
    }
}
