public import FoundationEssentials

/// A renewal recorded by hand that the provider has yet to show. Sources that report figures (provider APIs,
/// scripts, the modem) often serve a cached old balance for a while; until `until` the line's data and expiry
/// alerts stay quiet, after it a warning says the renewal has not arrived, and a reading that shows it confirms it.
public struct RenewalCheck: Sendable, Hashable {
    /// Where a ledger entry stands with its provider.
    public enum State: Sendable, Hashable {
        /// Detected in the readings (it confirmed itself), or on a source that reports no figures of its own.
        case notNeeded
        /// Recorded by hand; the provider has until then to show it.
        case waiting(until: Date)
        /// The provider did not show it in time; a warning went out.
        case late(since: Date)
        /// A reading from `by` (the source) showed it.
        case confirmed(at: Date, by: String)

        /// `not_needed`, `waiting`, `late` or `confirmed`, as stored and sent.
        public var name: String {
            switch self {
            case .notNeeded: "not_needed"
            case .waiting: "waiting"
            case .late: "late"
            case .confirmed: "confirmed"
            }
        }
    }

    /// The ledger entry waiting (the line's renewal number).
    public var sequence: Int
    /// When the renewal was made.
    public var renewedAt: Date
    /// The end of the wait.
    public var until: Date
    /// What the provider said last before the renewal: a reading shows the renewal when it has more data or a
    /// later expiry than this.
    public var remainingBefore: ByteCount?
    public var expiresBefore: Date?
    /// The wait ended without the renewal; the warning went out.
    public var late: Bool

    public init(
        sequence: Int,
        renewedAt: Date,
        until: Date,
        remainingBefore: ByteCount?,
        expiresBefore: Date?,
        late: Bool = false
    ) {
        self.sequence = sequence
        self.renewedAt = renewedAt
        self.until = until
        self.remainingBefore = remainingBefore
        self.expiresBefore = expiresBefore
        self.late = late
    }

    /// Whether `reading` (observed, not estimated) shows the renewal: more data than before (beyond the noise a
    /// top-up is judged with), or an expiry more than an hour later. With nothing to compare against, the first
    /// figure the provider reports is taken as the new plan.
    public func isConfirmed(by reading: Reading) -> Bool {
        guard !reading.estimated else { return false }
        if remainingBefore == nil, expiresBefore == nil {
            return reading.effectiveRemaining != nil || reading.expiresAt != nil
        }
        if let now = reading.effectiveRemaining, let before = remainingBefore, TopUp.isIncrease(from: before, to: now) {
            return true
        }
        if let now = reading.expiresAt, let before = expiresBefore, now.timeIntervalSince(before) > 3600 {
            return true
        }
        return false
    }

    /// How soon to read the line again while waiting: an eighth of the wait, between a minute (or the source's
    /// floor) and 15 minutes, so the provider is asked several times before the wait ends.
    public func recheck(after interval: TimeSpan, floor: TimeSpan?) -> TimeSpan {
        guard !late else { return interval }
        let step = min(max(until.timeIntervalSince(renewedAt) / 8, 60, floor?.timeInterval ?? 0), 900)
        return TimeSpan(seconds: min(interval.seconds, Int64(step)))
    }

    /// The entry's state while this check is open.
    public var state: State { late ? .late(since: until) : .waiting(until: until) }
}
