public import FoundationEssentials
public import Logging
public import SimwatchCore
public import SimwatchStore

/// The daemon's work, free of timers and signals: which lines are due, polling them, judging the readings, and
/// handing reminders to channels through the outbox. The run loop (`Daemon`) calls `runDue(now:)` when the timer
/// fires; tests call it with a manual clock.
///
/// Data flows one way: provider → store + rules → outbox → channels.
public actor Engine {
    public private(set) var config: Config
    let store: StateStore
    let providers: ProviderFactory
    /// Replaced on reload (`replaceChannels`); deliveries in flight keep the channel they started with.
    var channels: [String: any NotificationChannel]
    let logger: Logger
    let timing: PollTiming
    let random: @Sendable () -> Double
    /// Called after work finished outside `runDue` (a poll completing), so the run loop re-arms its timer.
    var onChange: (@Sendable () -> Void)?

    var records: [String: LineRecord] = [:]
    var latest: [String: Reading] = [:]
    var alerts: [String: AlertState] = [:]
    var polls = DueQueue()
    var reminders = DueQueue()
    var inFlight: [String: Task<Void, Never>] = [:]
    /// Lines due for a poll while the concurrency bound is reached, oldest first.
    var waiting: [String] = []
    /// One delivery worker per channel with due reminders, so a slow or failing channel delays only itself.
    var deliveries: [String: Task<Void, Never>] = [:]
    /// Channels whose endpoint said it is gone (HTTP 410), until the next reload.
    var disabledChannels: Set<String> = []
    var lastPoll: (line: String, at: Date, ok: Bool)?
    var lastCompaction: Date?
    var lastOutcome: [String: Result<Reading, ProviderError>] = [:]
    var stopping = false
    /// Whether the lines were adopted (records made, polls scheduled). Not before the clock is set: a board without
    /// a real-time clock starts in 1970, and a plan first seen then would be expired for ever.
    var adopted = false
    /// Whether the journal was told the clock is not set (once per wait).
    var clockUnsetLogged = false
    /// The `now` of the last `runDue`, to notice the wall clock stepping back.
    var lastRunAt: Date?
    /// Set while the state database refuses writes; cleared by the first write that succeeds.
    public internal(set) var storeTrouble: StoreTrouble?
    /// Delivery outcomes that happened but could not be written yet (see `flushUnrecorded`).
    var unrecorded: [DeliveryOutcome] = []
    /// Readings, alert transitions and deliveries as they happen.
    public nonisolated let events = EventHub()

    public init(
        config: Config,
        store: StateStore,
        providers: ProviderFactory = ProviderFactory(),
        channels: [String: any NotificationChannel],
        logger: Logger,
        timing: PollTiming = PollTiming(),
        random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) }
    ) {
        self.config = config
        self.store = store
        self.providers = providers
        self.channels = channels
        self.logger = logger
        self.timing = timing
        self.random = random
    }

    public func setOnChange(_ callback: @escaping @Sendable () -> Void) {
        onChange = callback
    }

    /// Loads state and sets the first schedule: each line is polled when its interval since the last poll has
    /// passed (at once for new lines), and every line with a firing alert is assessed at once, so a reminder
    /// that fell due while the daemon was down goes out now (once).
    public func start(now: Date) throws {
        records = try store.lineRecords()
        for state in try store.alertStates() { alerts[Self.key(state.lineID, state.ruleID)] = state }
        for line in config.lines {
            if let reading = try store.latestReading(line: line.id) { latest[line.id] = reading }
        }
        lastRunAt = now
        guard clockIsSet(now) else { return }
        try adopt(config.lines, now: now)
    }

    /// Switches to a new, already validated configuration: new lines start polling, removed lines and rules end
    /// their alerts, changed intervals reschedule. New `channels` (built for it) replace the old ones and end the
    /// disabling of endpoints that were gone.
    public func reload(
        _ newConfig: Config,
        channels newChannels: [String: any NotificationChannel]? = nil,
        now: Date
    )
        throws
    {
        let kept = Set(newConfig.lines.map(\.id))
        var batch = StoreBatch()
        for (key, state) in alerts where state.isFiring {
            let rules = newConfig.lines.first { $0.id == state.lineID }?.rules.map(\.id) ?? []
            if !kept.contains(state.lineID) || !rules.contains(state.ruleID) {
                let ended = state.removed(now: now)
                alerts[key] = ended
                batch.alerts.append(ended)
                batch.cancelled.append((state.lineID, state.ruleID, state.episode))
            }
        }
        for id in config.lines.map(\.id) where !kept.contains(id) {
            polls.remove(id)
            waiting.removeAll { $0 == id }
            reminders.remove(id)
        }
        try store.commit(batch)
        config = newConfig
        if let newChannels {
            channels = newChannels
            disabledChannels = []
        }
        guard clockIsSet(now) else { return }
        try adopt(newConfig.lines, now: now)
    }

    func adopt(_ lines: [Line], now: Date) throws {
        var batch = StoreBatch()
        var fingerprints: [(String, String)] = []
        for line in lines {
            var record = records[line.id] ?? LineRecord(lineID: line.id, firstSeen: now)
            let fingerprint = line.plan.fingerprint
            let known = try store.meta(Self.planKey(line.id))
            if known != fingerprint {
                if let known, record.periodOrigin == "renewal" {
                    // The plan was edited (docs/configuration.md: that is how to renew): it wins over the renewal.
                    logger.notice(
                        "\(line.id): the plan in the configuration changed; it replaces the renewal recorded by hand",
                        metadata: ["line": "\(line.id)", "previous_plan": "\(known)"]
                    )
                    record.periodOrigin = "config"
                }
                fingerprints.append((line.id, fingerprint))
            }
            record.refreshPeriod(of: line, now: now, zone: config.daemon.timeZone)
            records[line.id] = record
            batch.lines.append(record)
            if inFlight[line.id] == nil {
                let next = record.lastAttempt.map { $0 + line.pollInterval } ?? now
                polls.schedule(line.id, at: max(now, min(next, now + line.pollInterval)))
            }
            if alerts.values.contains(where: { $0.lineID == line.id && $0.isFiring }) {
                reminders.schedule(line.id, at: now)
            }
        }
        try store.commit(batch)
        // After the records: a crash in between re-reads the same edit and, the renewal already gone, changes nothing.
        for (id, fingerprint) in fingerprints { try store.setMeta(Self.planKey(id), fingerprint) }
        adopted = true
    }

    /// The plan period in force (see `LineRecord.period(of:now:zone:)`).
    func period(for line: Line, record: LineRecord, now: Date) -> PlanPeriod {
        record.period(of: line, now: now, zone: config.daemon.timeZone)
    }

    /// The store's meta key holding the plan a line was last adopted with.
    static func planKey(_ line: String) -> String { "plan:\(line)" }

    /// When something next needs doing: a poll, a repeat reminder, or a reminder waiting in the outbox.
    public func nextWake() -> Date? {
        let outbox = (try? store.nextReminderDue(excludingChannels: Set(deliveries.keys))) ?? nil
        let next = [polls.nextDue(), reminders.nextDue(), outbox].compactMap { $0 }.min()
        guard let trouble = storeTrouble else { return next }
        // Nothing is written before the back-off ends; outcomes waiting to be written are written then.
        if !unrecorded.isEmpty { return trouble.retryAt }
        return next.map { max($0, trouble.retryAt) }
    }

    /// Starts the polls that are due (up to the concurrency bound), assesses lines whose repeat reminders are due,
    /// and delivers reminders whose time has come.
    ///
    /// While the state database refuses writes, nothing is done before the back-off ends (`nextWake` says when).
    public func runDue(now: Date) async {
        // A clock that is not set yet starts nothing; the run loop looks again within a minute.
        guard !stopping, clockIsSet(now) else { return }
        if let last = lastRunAt, now < last - Self.stepTolerance { clockWentBack(from: last, to: now) }
        lastRunAt = now
        guard !storeBackingOff(now: now) else { return }
        if !adopted {
            do {
                try adopt(config.lines, now: now)
                storeSucceeded(now: now)
            } catch {
                storeFailed(error, doing: "adopting the lines", now: now)
                return
            }
        }
        // Lines over the concurrency bound wait in order, outside the timer's queue, so a full house never makes
        // the loop spin; each finished poll wakes the loop (onChange) and frees a slot for the next one.
        for id in polls.popDue(now: now) where !waiting.contains(id) && inFlight[id] == nil {
            waiting.append(id)
        }
        // Once a write fails in this pass, the rest waits for the back-off: each failed write can hold the engine for
        // SQLite's busy timeout, and status queries wait on the engine.
        while inFlight.count < config.daemon.maxConcurrentPolls, !waiting.isEmpty {
            let id = waiting.removeFirst()
            guard let line = config.lines.first(where: { $0.id == id }) else { continue }
            if let trouble = storeTrouble, now < trouble.retryAt {
                polls.schedule(id, at: trouble.retryAt)
                continue
            }
            startPoll(line, now: now)
        }

        for id in reminders.popDue(now: now) where inFlight[id] == nil {
            guard let line = config.lines.first(where: { $0.id == id }) else { continue }
            if let trouble = storeTrouble, now < trouble.retryAt {
                reminders.schedule(id, at: trouble.retryAt)
                continue
            }
            commitAssessment(of: line, trigger: .due, now: now)
        }
        deliverDue(now: now)
        if !storeBackingOff(now: now) { compactIfDue(now: now) }
    }

    /// Waits for every poll and delivery in flight (tests, and a graceful stop).
    public func drain() async {
        while let task = inFlight.first?.value ?? deliveries.first?.value {
            await task.value
        }
    }

    /// Graceful stop: polls in flight are cancelled and their outcome discarded (the next start polls again),
    /// then everything already due is delivered.
    public func shutdown(now: Date) async {
        stopping = true
        for task in inFlight.values { task.cancel() }
        await drain()
        deliverDue(now: now)
        await drain()
        // One last try, back-off or not: what was delivered but not yet written is not sent again at the next start.
        _ = flushUnrecorded(now: now)
        events.finish()
    }

    static func key(_ line: String, _ rule: String) -> String { "\(line)\u{1F}\(rule)" }
}
