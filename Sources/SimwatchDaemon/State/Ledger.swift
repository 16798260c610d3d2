import FoundationEssentials
import Logging
import SimwatchConfig
import SimwatchCore
public import SimwatchStore

/// The lines' state and the state database, on a thread of their own (`StoreExecutor`): every write of the daemon
/// goes through here, one transaction per decision, or per round of polls (Ledger+GroupCommit.swift). A line is
/// judged whole here (inputs loaded, `LineAssessment` run, the outcome committed or queued for the round's commit)
/// with no suspension in between, and anything about a line whose write waits for its round commits that round
/// first, so two triggers of one line never interleave.
public actor Ledger {
    public nonisolated let store: StateStore
    let running: RunningConfig
    let logger: Logger
    let events: EventHub
    var book = LineBook()
    var health: StoreHealth
    /// Polls' writes waiting for the next group commit (Ledger+GroupCommit.swift), and their lines.
    var grouped: [GroupedWrite] = []
    var groupedLines: Set<String> = []

    public nonisolated var unownedExecutor: UnownedSerialExecutor {
        StoreExecutor.shared.asUnownedSerialExecutor()
    }

    init(store: StateStore, running: RunningConfig, logger: Logger, events: EventHub) {
        self.store = store
        self.running = running
        self.logger = logger
        self.events = events
        health = StoreHealth(timeScale: running.config.daemon.timeScale)
    }

    /// A line's place in the schedule when it is adopted: when it was last asked, and whether it has alerts firing.
    struct Adopted: Sendable {
        var line: Line
        var lastAttempt: Date?
        var firing: Bool
    }

    /// What one judgement came to: committed (the outcome, now in memory and on disk) or refused by the database
    /// (nothing changed; try again at `retryAt`).
    enum Judgement: Sendable {
        case committed(AssessmentOutcome)
        case refused(retryAt: Date)
    }

    /// Reads what the database holds of the configured lines.
    func load() throws {
        commitGroup()
        book.records = try store.lines.all()
        // A line's renewal numbers never go below its ledger's (a record lost, or a line removed and added again).
        for (line, highest) in try store.renewals.highestSequences() where (book.records[line]?.renewals ?? 0) < highest
        {
            book.records[line]?.renewals = highest
        }
        for state in try store.alerts.all() { book.alerts[LineBook.key(state.lineID, state.ruleID)] = state }
        for line in running.config.lines {
            if let reading = try store.readings.latest(line: line.id) { book.latest[line.id] = reading }
        }
    }

    /// Makes records for the lines and brings their plan periods up to date. A plan edited in the configuration
    /// (docs/configuration.md: that is how to renew) replaces a renewal recorded by hand.
    /// One transaction for all the lines, however many.
    func adopt(_ lines: [Line], now: Date) throws -> [Adopted] {
        var batch = StoreBatch()
        var adopted: [Adopted] = []
        adopted.reserveCapacity(lines.count)
        batch.lines.reserveCapacity(lines.count)
        let plans = try store.metas(prefix: Self.planKey(""))
        for line in lines {
            var record = book.records[line.id] ?? LineRecord(lineID: line.id, firstSeen: now)
            let fingerprint = line.plan.fingerprint
            let known = plans[Self.planKey(line.id)]
            if known != fingerprint {
                if let known, record.periodOrigin == "renewal" {
                    logger.notice(
                        "\(line.id): the plan in the configuration changed; it replaces the renewal recorded by hand",
                        metadata: ["line": "\(line.id)", "previous_plan": "\(known)"]
                    )
                    record.periodOrigin = "config"
                }
                batch.meta.append((Self.planKey(line.id), fingerprint))
            }
            record.refreshPeriod(of: line, now: now, zone: running.config.daemon.timeZone)
            book.records[line.id] = record
            batch.lines.append(record)
            adopted.append(Adopted(line: line, lastAttempt: record.lastAttempt, firing: book.hasFiringAlert(line)))
        }
        // The plans' fingerprints go with the records: a crash leaves both as they were, or both changed.
        try commitNow(batch)
        return adopted
    }

    /// Before a reload takes effect: alerts of lines and rules the new configuration drops end, and their pending
    /// reminders are cancelled.
    func end(droppedBy config: Config, now: Date) throws {
        var rules: [String: Set<String>] = [:]
        for line in config.lines { rules[line.id] = Set(line.rules.map(\.id)) }
        var batch = StoreBatch()
        for (key, state) in book.alerts where state.isFiring {
            if rules[state.lineID]?.contains(state.ruleID) != true {
                let ended = state.removed(now: now)
                book.alerts[key] = ended
                batch.alerts.append(ended)
                batch.cancelled.append((state.lineID, state.ruleID, state.episode))
            }
        }
        try commitNow(batch)
    }

    /// Judges one line (`LineAssessment`, the pure decisions) and writes what it decided in one transaction.
    func judge(
        _ line: Line,
        trigger: AssessmentTrigger,
        now: Date,
        record start: LineRecord? = nil,
        soonest: TimeInterval = 30
    ) -> Judgement {
        commitGroup()
        let outcome = assess(line, trigger: trigger, now: now, record: start)
        do {
            try commitNow(StoreBatch(outcome))
            health.succeeded(now: now, logger: logger)
        } catch {
            health.failed(error, doing: "line \(line.id)", now: now, logger: logger)
            return .refused(retryAt: health.retry(now: now, soonest: soonest))
        }
        book.apply(outcome, line: line.id)
        for event in outcome.events { events.publish(event) }
        return .committed(outcome)
    }

    /// `LineAssessment` on what is known of the line (nothing written).
    func assess(_ line: Line, trigger: AssessmentTrigger, now: Date, record start: LineRecord?) -> AssessmentOutcome {
        let latest = book.latest[line.id]
        var lastObserved: Reading?
        if latest?.estimated == true, trigger.comparesReadings {
            lastObserved = (try? store.readings.latestObserved(line: line.id)) ?? nil
        }
        return LineAssessment.assess(
            AssessmentInput(
                line: line,
                record: start ?? book.records[line.id] ?? LineRecord(lineID: line.id, firstSeen: now),
                latest: latest,
                lastObserved: lastObserved,
                recent: recentReadings(of: line.id, now: now),
                alerts: book.alertStates(of: line),
                trigger: trigger,
                now: now,
                settings: running.snapshot.assessment
            )
        )
    }

    /// Commits `batch` in a transaction of its own, after the polls' writes waiting for their group.
    func commitNow(_ batch: StoreBatch) throws {
        commitGroup()
        try store.commit(batch)
    }

    /// The readings of the pace window before `now`.
    func recentReadings(of line: String, now: Date) -> [Reading] {
        (try? store.readings.list(line: line, since: now - running.config.daemon.paceWindow)) ?? []
    }

    /// The plan period in force (see `LineRecord.period(of:now:zone:)`).
    func period(of line: Line, record: LineRecord, now: Date) -> PlanPeriod {
        record.period(of: line, now: now, zone: running.config.daemon.timeZone)
    }

    /// Whether writes wait for the back-off to pass.
    func backingOff(now: Date) -> Bool { health.backingOff(now: now) }

    /// What the state database said when it last refused a write.
    var lastError: String { health.lastError }

    /// How many alerts are firing (kept in memory as they change).
    public var firingCount: Int { book.alerts.firing }

    /// Set while the state database refuses writes.
    public var trouble: StoreTrouble? { health.trouble }

    /// The store's meta key holding the plan a line was last adopted with.
    static func planKey(_ line: String) -> String { "plan:\(line)" }
}

/// The state database refused a write; the work is tried again at `retryAt`.
struct Refusal: Error, Sendable {
    var retryAt: Date
}

extension StoreBatch {
    /// What an assessment decided, as one transaction.
    init(_ outcome: AssessmentOutcome) {
        self.init()
        readings = outcome.readings
        alerts = Array(outcome.alerts.values)
        log = outcome.log
        reminders = outcome.reminders
        cancelled = outcome.cancelled
        ledger = outcome.ledger
        lines = [outcome.record]
    }
}
