import FoundationEssentials
import Logging
import SimwatchCore
import SimwatchStore

extension Engine {
    /// Judges one line (`LineAssessment`, the pure decisions) and writes what it decided in one transaction.
    /// Memory is updated only after the commit succeeds, so memory and disk never disagree. Returns whether the
    /// commit succeeded.
    @discardableResult
    func commitAssessment(
        of line: Line,
        trigger: AssessmentTrigger,
        now: Date,
        record start: LineRecord? = nil
    ) -> Bool {
        let latest = self.latest[line.id]
        var lastObserved: Reading?
        if case .poll(.success(let reading), _) = trigger, !reading.estimated, latest?.estimated == true {
            lastObserved = (try? store.latestObservedReading(line: line.id)) ?? nil
        }
        let outcome = LineAssessment.assess(
            AssessmentInput(
                line: line,
                record: start ?? records[line.id] ?? LineRecord(lineID: line.id, firstSeen: now),
                latest: latest,
                lastObserved: lastObserved,
                recent: (try? store.readings(line: line.id, since: now - config.daemon.paceWindow)) ?? [],
                alerts: alertStates(of: line),
                trigger: trigger,
                now: now,
                settings: AssessmentSettings(config)
            )
        )
        do {
            try store.commit(StoreBatch(outcome))
            storeSucceeded(now: now)
        } catch {
            storeFailed(error, doing: "line \(line.id)", now: now)
            let retry = max(now + timing.firstRetry, storeTrouble?.retryAt ?? now)
            if case .poll = trigger {
                polls.schedule(line.id, at: retry)
            } else {
                reminders.schedule(line.id, at: retry)
            }
            return false
        }
        records[line.id] = outcome.record
        self.latest[line.id] = outcome.latest
        for (rule, state) in outcome.alerts { alerts[Self.key(line.id, rule)] = state }
        for event in outcome.events { events.publish(event) }
        if case .poll(let result, _) = trigger { schedulePoll(line, record: outcome.record, outcome: result, now: now) }
        if let next = outcome.nextReminderAt {
            reminders.schedule(line.id, at: next)
        } else {
            reminders.remove(line.id)
        }
        return true
    }

    /// The line's alert states by rule id.
    func alertStates(of line: Line) -> [String: AlertState] {
        var states: [String: AlertState] = [:]
        for rule in line.rules {
            if let state = alerts[Self.key(line.id, rule.id)] { states[rule.id] = state }
        }
        return states
    }

    /// The next time a line needs judging without a poll: its earliest repeat reminder.
    func scheduleReminders(of line: Line) {
        let next = line.rules.compactMap { alerts[Self.key(line.id, $0.id)]?.firing?.nextReminderAt }.min()
        if let next { reminders.schedule(line.id, at: next) } else { reminders.remove(line.id) }
    }
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
        lines = [outcome.record]
    }
}
