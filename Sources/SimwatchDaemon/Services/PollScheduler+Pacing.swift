import FoundationEssentials
import SimwatchConfig
import SimwatchCore

extension PollScheduler {
    /// Nil when the line may start its poll now, else the slot its account's rate limit gives it (booked: the
    /// line is put back in the queue for then). Lines without an account are not paced.
    func pace(_ line: Line, now: Date) -> Date? {
        guard let name = line.account, let account = parts.running.config.accounts[name] else { return nil }
        var pacer = pacers[name] ?? AccountPacer(spacing: account.spacing)
        // A reload may have changed the account's rate.
        pacer.spacing = account.spacing
        let slot = pacer.admit(line.id, now: now)
        pacers[name] = pacer
        return slot
    }

    /// Drops the slots booked for lines that are gone.
    func unbook(_ ids: [String]) {
        for name in pacers.keys {
            for id in ids { pacers[name]?.cancel(id) }
        }
    }

    /// When a line due at once (new, or overdue since before a restart) is first polled: `FirstPollStagger`
    /// places it within its interval (or one second per line due together, if shorter) by a hash of its id, unless
    /// no more lines are due together than may poll at once.
    func firstDue(_ line: Line, together count: Int, now: Date) -> Date {
        let window = FirstPollStagger.window(
            interval: line.pollInterval.timeInterval,
            count: count,
            burst: parts.running.config.daemon.maxConcurrentPolls
        )
        return now + FirstPollStagger.offset(hash: Shard.hash(line.id), window: window)
    }

    /// What `simwatchctl poll` answers for a line whose account has no free slot now: the poll is not sent early
    /// (that would exceed the provider's limit) but queued at the account's next free slot, and the answer says so.
    func queuedAnswer(_ line: Line, slot: Date, now: Date) -> ProviderError {
        let wait = TimeSpan(seconds: Plausible.integer(slot.timeIntervalSince(now).rounded(.up)) ?? 0)
        let rate = line.account.flatMap { parts.running.config.accounts[$0]?.requestsPerMinute } ?? 0
        return ProviderError(
            .rateLimited,
            "queued: account `\(line.account ?? "")` allows \(rate) requests a minute; polled in \(wait), at its next free slot",
            retryAfter: wait
        )
    }
}
