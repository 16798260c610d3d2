import FoundationEssentials
import SimwatchCore
import SimwatchStore

/// What the outbox does after a delivery attempt: retry with capped exponential backoff and jitter (later if the
/// receiver asked with `Retry-After`), wait for the network when there was none, or give up into the dead letters.
///
/// `give_up_after` counts only time online: the time between two attempts counts when neither found the network
/// missing (an attempt that found it missing, and the wait before it, are time offline). An `offline` failure never
/// gives up; it is retried at most `offlineRetryCap` later (sooner when NetworkManager says the network is back).
struct DeliveryPolicy {
    /// First retry 60 s after the first failure, doubling, capped at an hour; each wait varies by ±25 %.
    static let retryBase: Double = 30
    static let retryCap: Double = 3600
    /// Without word from NetworkManager, a reminder waiting for the network is tried again at most this long after
    /// the last try, so that it goes out soon after the network is back.
    static let offlineRetryCap: Double = 300
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
    func backoff(afterAttempts attempts: Int, cap: Double = Self.retryCap) -> Double {
        let nominal = min(Self.retryBase * Double(1 << min(max(attempts, 0), 12)), cap)
        return nominal * (0.75 + 0.5 * random())
    }

    /// The reminder's time waited online once this attempt is done: the time since the last attempt (or since it
    /// was due) counts when neither attempt found the network missing.
    static func onlineSpent(_ item: OutboxItem, failure: DeliveryError?, now: Date) -> Double {
        guard failure?.code != .offline, !item.offline else { return item.onlineSpent }
        let since = item.lastAttempt ?? item.reminder.notBefore
        return item.onlineSpent + max(0, now.timeIntervalSince(since))
    }

    func outcome(of item: OutboxItem, failure: DeliveryError?, channelExists: Bool, now: Date) -> DeliveryOutcome {
        let spent = Self.onlineSpent(item, failure: failure, now: now)
        let id = item.reminder.id
        guard let failure else { return DeliveryOutcome(id: id, at: now, onlineSpent: spent) }
        if failure.code == .offline {
            let wait = backoff(afterAttempts: item.offlineAttempts + 1, cap: Self.offlineRetryCap)
            return DeliveryOutcome(
                id: id,
                at: now,
                error: failure.description,
                retryAt: now.addingTimeInterval(wait),
                onlineSpent: spent,
                offline: true
            )
        }
        // Attempts that found no network are not the channel's failures.
        let attempts = item.attempts - item.offlineAttempts + 1
        let giveUp: Bool
        switch failure.code {
        case .gone: giveUp = true
        case .rejected: giveUp = attempts >= Self.rejectedAttempts || spent >= giveUpAfter
        case .misconfigured: giveUp = !channelExists || spent >= giveUpAfter
        case .temporary, .timeout: giveUp = spent >= giveUpAfter
        case .offline: giveUp = false
        }
        if giveUp { return DeliveryOutcome(id: id, at: now, error: failure.description, onlineSpent: spent) }
        let wait = max(backoff(afterAttempts: attempts), failure.retryAfter ?? 0)
        return DeliveryOutcome(
            id: id,
            at: now,
            error: failure.description,
            retryAt: now.addingTimeInterval(wait),
            onlineSpent: spent
        )
    }
}
