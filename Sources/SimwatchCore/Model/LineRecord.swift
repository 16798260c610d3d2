public import FoundationEssentials

/// What the daemon remembers about a line between polls and across restarts.
public struct LineRecord: Sendable, Hashable {
    public var lineID: String
    public var firstSeen: Date
    public var period: PlanPeriod?
    /// "config" when derived from the configuration, "renewal" when recorded by hand or detected.
    public var periodOrigin: String
    public var lastAttempt: Date?
    public var lastSuccess: Date?
    public var failures: Int
    public var lastError: String?
    public var polls: Int
    /// Renewals seen so far; numbers the "renewed" reminders' stable ids.
    public var renewals: Int
    /// When a renewal was last recorded by hand; a top-up seen across it is that same renewal, not a new one.
    public var renewedAt: Date?
    /// A renewal recorded by hand that the provider has yet to show.
    public var check: RenewalCheck?

    public init(
        lineID: String,
        firstSeen: Date,
        period: PlanPeriod? = nil,
        periodOrigin: String = "config",
        lastAttempt: Date? = nil,
        lastSuccess: Date? = nil,
        failures: Int = 0,
        lastError: String? = nil,
        polls: Int = 0,
        renewals: Int = 0,
        renewedAt: Date? = nil,
        check: RenewalCheck? = nil
    ) {
        self.lineID = lineID
        self.firstSeen = firstSeen
        self.period = period
        self.periodOrigin = periodOrigin
        self.lastAttempt = lastAttempt
        self.lastSuccess = lastSuccess
        self.failures = failures
        self.lastError = lastError
        self.polls = polls
        self.renewals = renewals
        self.renewedAt = renewedAt
        self.check = check
    }
}
