import FoundationEssentials
import SimwatchCore
import SimwatchStore

/// What the outbox does after a delivery attempt: retry with capped exponential backoff and jitter (later if the
/// receiver asked with `Retry-After`), or give up into the dead letters.
struct DeliveryPolicy {
    /// First retry 60 s after the first failure, doubling, capped at an hour; each wait varies by ±25 %.
    static let retryBase: Double = 30
    static let retryCap: Double = 3600
    /// `rejected` failures (HTTP 4xx, sendmail 65, 67 and statuses outside sysexits) are tried this many times in all.
    static let rejectedAttempts = 3

    var giveUpAfter: Double
    var attemptTimeout: Double
    let random: @Sendable () -> Double

    /// The policy of a configured channel, or the defaults (the journal).
    init(_ settings: ChannelSettings?, random: @escaping @Sendable () -> Double) {
        giveUpAfter = (settings?.giveUpAfter ?? .days(1)).timeInterval
        attemptTimeout = (settings?.attemptTimeout ?? TimeSpan(seconds: 30)).timeInterval
        self.random = random
    }

    /// The dispatcher's own deadline for an attempt: a little after the channel's, so that the channel's own timeout
    /// (which kills a hung sendmail and says what it printed) normally answers first.
    var backstop: Double { attemptTimeout + 5 }

    /// The wait before attempt `attempts + 1`: 30 s × 2^attempts, capped, ±25 %.
    func backoff(afterAttempts attempts: Int) -> Double {
        let nominal = min(Self.retryBase * Double(1 << min(attempts, 12)), Self.retryCap)
        return nominal * (0.75 + 0.5 * random())
    }

    func outcome(of item: OutboxItem, failure: DeliveryError?, channelExists: Bool, now: Date) -> DeliveryOutcome {
        guard let failure else { return DeliveryOutcome(id: item.reminder.id, at: now) }
        let attempts = item.attempts + 1
        let age = now.timeIntervalSince(item.reminder.createdAt)
        let giveUp: Bool
        switch failure.code {
        case .gone: giveUp = true
        case .rejected: giveUp = attempts >= Self.rejectedAttempts || age >= giveUpAfter
        case .misconfigured: giveUp = !channelExists || age >= giveUpAfter
        case .temporary, .timeout: giveUp = age >= giveUpAfter
        }
        if giveUp { return DeliveryOutcome(id: item.reminder.id, at: now, error: failure.description) }
        let wait = max(backoff(afterAttempts: attempts), failure.retryAfter ?? 0)
        return DeliveryOutcome(
            id: item.reminder.id,
            at: now,
            error: failure.description,
            retryAt: now.addingTimeInterval(wait)
        )
    }
}
