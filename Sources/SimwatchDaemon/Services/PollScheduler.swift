public import FoundationEssentials
import Logging
import SimwatchConfig
import SimwatchCore

/// Polls each line when it is due, at most `max_concurrent_polls` at a time, each in its own task bounded by
/// `poll_timeout`, so a slow or failing source never holds up other lines. A poll's result is judged by the ledger;
/// the repeat scheduler and the outbox dispatcher hear what came of it. Data flows one way: due time → provider →
/// ledger → repeats and outbox.
public actor PollScheduler {
    let ledger: Ledger
    let repeats: RepeatScheduler
    let outbox: OutboxDispatcher
    let parts: PollParts
    public nonisolated let wakeup = Wakeup()

    var queue = DueQueue()
    /// Lines due while the concurrency bound is reached, oldest first.
    var waiting = WaitingLines()
    var inFlight: [String: Task<Result<Reading, ProviderError>, Never>] = [:]
    /// Polls in flight whose provider has answered (being judged): they hold no slot of the concurrency bound, but
    /// no more of them than the bound wait for the state database: enough for a round's writes to share a
    /// transaction, few enough that a control request does not queue behind a backlog of judgements, and a slow
    /// disk slows the polls down instead of piling them up in memory.
    var answered = 0
    var lastPoll: LatestPoll?
    /// The rate-limit gate of each `[accounts.NAME]` in use, by name.
    var pacers: [String: AccountPacer] = [:]
    var stopping = false

    init(ledger: Ledger, repeats: RepeatScheduler, outbox: OutboxDispatcher, parts: PollParts) {
        self.ledger = ledger
        self.repeats = repeats
        self.outbox = outbox
        self.parts = parts
    }

    /// The run loop: sleeps until the next poll is due (or a change pokes it), then starts what is due.
    public func run() async {
        while !Task.isCancelled, !stopping {
            await wakeup.sleep(until: queue.nextDue(), on: parts.clock)
            guard !Task.isCancelled else { return }
            await runDue(now: parts.clock.now())
        }
    }

    /// Starts the polls that are due, up to the concurrency bound.
    public func runDue(now: Date) async {
        guard !stopping, ClockWatch.isSet(now) else { return }
        for id in queue.popDue(now: now) where inFlight[id] == nil {
            waiting.append(id)
        }
        await startWaiting(now: now)
    }

    func startWaiting(now: Date) async {
        let bound = parts.running.config.daemon.maxConcurrentPolls
        while inFlight.count - answered < bound, answered < bound, !waiting.isEmpty, !stopping {
            guard let id = waiting.removeFirst() else { break }
            guard let line = parts.running.line(id) else { continue }
            if await ledger.backingOff(now: now), let retryAt = await ledger.trouble?.retryAt {
                queue.schedule(id, at: retryAt)
                continue
            }
            if let slot = pace(line, now: now) {
                queue.schedule(id, at: slot)
                continue
            }
            await start(line, now: now)
        }
    }

    /// When `id` is next due.
    public func due(of id: String) -> Date? { queue.due(of: id) }

    public func nextDue() -> Date? { queue.nextDue() }

    func schedule(_ id: String, at date: Date) {
        queue.schedule(id, at: date)
        wakeup.poke()
    }

    /// Schedules adopted lines: each when its interval since the last attempt has passed; those due now (new
    /// lines, lines overdue) spread over their first interval (`firstDue`), not all at once.
    func adopt(_ lines: [Ledger.Adopted], now: Date) {
        let adopted = lines.filter { inFlight[$0.line.id] == nil }
        let dueNow = adopted.filter { a in a.lastAttempt.map { $0 + a.line.pollInterval <= now } ?? true }.count
        for adopted in adopted {
            let interval = adopted.line.pollInterval
            let next = adopted.lastAttempt.map { $0 + interval } ?? now
            let due = next <= now ? firstDue(adopted.line, together: dueNow, now: now) : min(next, now + interval)
            queue.schedule(adopted.line.id, at: due)
        }
        wakeup.poke()
    }

    /// Lines the configuration no longer has.
    func forget(_ ids: [String]) {
        for id in ids {
            queue.remove(id)
            waiting.remove(id)
        }
        unbook(ids)
    }

    /// The wall clock stepped back: what was due after a wait is due after the same wait from the new time.
    func moveBack(by step: TimeInterval, now: Date) {
        for id in parts.running.snapshot.lineIDs {
            if let due = queue.due(of: id) { queue.schedule(id, at: max(now, due - step)) }
        }
        wakeup.poke()
    }

    public var last: LatestPoll? { lastPoll }

    public func isPolling(_ id: String) -> Bool { inFlight[id] != nil }

    public var isIdle: Bool { inFlight.isEmpty }
}

/// The newest poll: which line, when, and whether it succeeded.
public struct LatestPoll: Sendable {
    public var line: String
    public var at: Date
    public var ok: Bool
}
