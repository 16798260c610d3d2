public import FoundationEssentials
import Logging
import SimwatchCore
import SimwatchStore

/// Hands the outbox's due reminders to their channels: one worker per channel with reminders due, so a slow or
/// failing channel delays only itself, each attempt bounded by the channel's timeout, each outcome written at once.
/// Woken when a judgement puts reminders in the outbox, and at the outbox's next due time (retries, quiet hours).
public actor OutboxDispatcher {
    let ledger: Ledger
    let running: RunningConfig
    let clock: any DaemonClock
    let random: @Sendable () -> Double
    let logger: Logger
    let events: EventHub
    public nonisolated let wakeup = Wakeup()

    /// Replaced on reload; deliveries in flight keep the channel they started with.
    var channels: [String: any NotificationChannel]
    /// Channels whose endpoint said it is gone (HTTP 410), until the next reload.
    var disabled: Set<String> = []
    var workers: [String: Task<Void, Never>] = [:]
    var stopping = false

    init(
        ledger: Ledger,
        running: RunningConfig,
        channels: [String: any NotificationChannel],
        clock: any DaemonClock,
        random: @escaping @Sendable () -> Double,
        logger: Logger,
        events: EventHub
    ) {
        self.ledger = ledger
        self.running = running
        self.channels = channels
        self.clock = clock
        self.random = random
        self.logger = logger
        self.events = events
    }

    public func run() async {
        while !Task.isCancelled {
            await wakeup.sleep(until: await nextDue(), on: clock)
            guard !Task.isCancelled else { return }
            await runDue(now: clock.now())
        }
    }

    /// When a reminder is next due for a channel without a worker.
    public func nextDue() async -> Date? {
        await ledger.nextDelivery(excluding: Set(workers.keys))
    }

    /// Starts a worker for every channel that has due reminders and none running.
    public func runDue(now: Date) async {
        guard ClockWatch.isSet(now) else { return }
        for name in await ledger.channelsDue(now: now) where workers[name] == nil {
            workers[name] = Task { await self.work(name, now: now) }
        }
    }

    /// New channels for a new configuration; endpoints that were gone are tried again.
    func replace(_ fresh: [String: any NotificationChannel]) {
        channels = fresh
        disabled = []
        wakeup.poke()
    }

    /// Waits for every worker (tests, and a graceful stop).
    public func drain() async {
        while let task = workers.first?.value { await task.value }
    }

    /// Graceful stop: everything already due is delivered, but a failing channel is not retried.
    func stop(now: Date) async {
        stopping = true
        await drain()
        await runDue(now: now)
        await drain()
        // One last try, back-off or not: what was delivered but not yet written is not sent again at the next start.
        await ledger.flushUnrecorded(now: now)
    }

    public var isIdle: Bool { workers.isEmpty }
}
