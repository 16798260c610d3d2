public import FoundationEssentials
public import Logging
public import SimwatchConfig
public import SimwatchCore
public import SimwatchProviders
public import SimwatchStore

/// The daemon's services, put together once: the ledger (state and database), the poll scheduler, the repeat
/// scheduler, the outbox dispatcher, the compactor and the clock watch, with the query and action sides the control
/// API uses. It holds no state of its own; `run()` runs the services' loops and `shutdown` stops them in order.
///
/// Data flows one way: due time → provider → ledger (judge, commit) → repeats and outbox → channels.
public final class Simwatch: Sendable {
    public let running: RunningConfig
    public let ledger: Ledger
    public let polls: PollScheduler
    public let repeats: RepeatScheduler
    public let outbox: OutboxDispatcher
    public let clockWatch: ClockWatch
    public let queries: Queries
    public let actions: ControlActions
    /// Readings, alert transitions and deliveries as they happen.
    public let events: EventHub
    let compactor: Compactor
    /// Lines discovered on provider accounts.
    let discovery: AccountDiscoverer
    let clock: any DaemonClock
    /// Watches NetworkManager for the network coming back; nil where not asked for (tests).
    let connectivity: ConnectivityMonitor?

    public init(
        config: Config,
        store: StateStore,
        providers: ProviderFactory = ProviderFactory(),
        channels: [String: any NotificationChannel],
        logger: Logger,
        clock: any DaemonClock = LoopClock(),
        timing: PollTiming = PollTiming(),
        random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) },
        network: ConnectivityMonitor.Look? = nil
    ) {
        let running = RunningConfig(config)
        let events = EventHub()
        self.events = events
        let ledger = Ledger(store: store, running: running, logger: logger, events: events)
        let outbox = OutboxDispatcher(
            ledger: ledger,
            running: running,
            channels: channels,
            clock: clock,
            random: random,
            logger: logger,
            events: events
        )
        let polling = PollingLines()
        let repeats = RepeatScheduler(ledger: ledger, outbox: outbox, running: running, clock: clock, polling: polling)
        let parts = PollParts(
            providers: providers,
            running: running,
            clock: clock,
            timing: timing,
            random: random,
            logger: logger,
            events: events,
            polling: polling
        )
        let polls = PollScheduler(ledger: ledger, repeats: repeats, outbox: outbox, parts: parts)
        self.running = running
        self.ledger = ledger
        self.outbox = outbox
        self.repeats = repeats
        self.polls = polls
        self.clock = clock
        compactor = Compactor(ledger: ledger, clock: clock)
        discovery = AccountDiscoverer(store: store, providers: providers, logger: logger)
        connectivity = network.map {
            ConnectivityMonitor(look: $0, ledger: ledger, outbox: outbox, clock: clock, logger: logger)
        }
        clockWatch = ClockWatch(
            clock: clock,
            logger: logger,
            zone: { running.config.daemon.timeZone },
            onSet: { now in
                do {
                    try await Self.adopt(running.config.lines, now: now, ledger: ledger, polls: polls, repeats: repeats)
                    return true
                } catch {
                    logger.error("cannot adopt the lines: \(error)")
                    return false
                }
            },
            onStep: { step, now in
                if let step {
                    await polls.moveBack(by: step, now: now)
                    await repeats.moveBack(by: step, now: now)
                    await ledger.moveBack(by: step, now: now)
                }
                polls.wakeup.poke()
                repeats.wakeup.poke()
                outbox.wakeup.poke()
            }
        )
        queries = Queries(store: store, running: running, ledger: ledger, polls: polls, clockWatch: clockWatch)
        actions = ControlActions(
            running: running,
            ledger: ledger,
            polls: polls,
            repeats: repeats,
            outbox: outbox,
            events: events
        )
    }

    /// Loads state and sets the first schedule: each line is polled when its interval since the last poll has
    /// passed (at once for new lines), and every line with a firing alert is judged at once, so a reminder that fell
    /// due while the daemon was down goes out now (once). Not before the clock is set (`ClockWatch`).
    public func start(now: Date) async throws {
        // Lines discovered before the restart are watched at once, before their accounts are listed again.
        await discovery.load()
        running.replace(with: await discovery.merged(running.config))
        try await ledger.load()
        await clockWatch.look(now: now)
    }

    static func adopt(
        _ lines: [Line],
        now: Date,
        ledger: Ledger,
        polls: PollScheduler,
        repeats: RepeatScheduler
    ) async throws {
        let adopted = try await ledger.adopt(lines, now: now)
        await polls.adopt(adopted, now: now)
        for line in adopted where line.firing { await repeats.set(line.line.id, at: now) }
    }

    /// Switches to a new, already validated configuration: new lines start polling, removed lines and rules end
    /// their alerts, changed intervals reschedule. New `channels` (built for it) replace the old ones and end the
    /// disabling of endpoints that were gone.
    public func reload(
        _ config: Config,
        channels: [String: any NotificationChannel]? = nil,
        now: Date
    ) async throws {
        let config = await discovery.merged(config)
        try await ledger.end(droppedBy: config, now: now)
        let kept = Set(config.lines.map(\.id))
        let removed = running.config.lines.map(\.id).filter { !kept.contains($0) }
        await polls.forget(removed)
        await repeats.forget(removed)
        running.replace(with: config)
        if let channels { await outbox.replace(channels) }
        guard ClockWatch.isSet(now) else { return }
        try await Self.adopt(config.lines, now: now, ledger: ledger, polls: polls, repeats: repeats)
        await clockWatch.markAdopted()
    }

    /// Runs the services' loops until the task is cancelled.
    public func run() async {
        await withDiscardingTaskGroup { group in
            group.addTask { await self.clockWatch.run() }
            group.addTask { await self.polls.run() }
            group.addTask { await self.repeats.run() }
            group.addTask { await self.outbox.run() }
            group.addTask { await self.compactor.run() }
            group.addTask { await self.runDiscovery() }
            if let connectivity = self.connectivity { group.addTask { await connectivity.run() } }
        }
    }

    /// Graceful stop, after `run()` was cancelled: polls in flight are cancelled and their outcome discarded (the
    /// next start polls again), then everything already due is delivered.
    public func shutdown(now: Date) async {
        await polls.stop()
        await outbox.stop(now: now)
        events.finish()
    }

    /// When something next needs doing: a poll, a repeat reminder, or a reminder waiting in the outbox.
    public func nextWake() async -> Date? {
        let times = [await polls.nextDue(), await repeats.nextDue(), await outbox.nextDue()]
        return times.compactMap { $0 }.min()
    }

    /// Runs what is due at `now` once, in the order the loops would: a look at the clock, polls, repeats, the
    /// outbox. The loops do this when they wake; tests do it to step through time on a manual clock.
    public func runDue(now: Date) async {
        await clockWatch.look(now: now)
        await polls.runDue(now: now)
        await repeats.runDue(now: now)
        await outbox.runDue(now: now)
    }

    /// Waits for every poll and delivery in flight.
    public func drain() async {
        await polls.drain()
        await outbox.drain()
    }
}
