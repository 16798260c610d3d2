import FoundationEssentials
import Logging
import SimwatchCore
import SimwatchStore

extension Engine {
    /// What caused an assessment.
    enum Trigger {
        /// A poll finished (or a reading was recorded by hand).
        case poll(Result<Reading, ProviderError>)
        /// A repeat reminder or a snooze end fell due; no new reading.
        case due
        /// A renewal was recorded by hand; the record already holds the new plan period.
        case renewal
    }

    /// Judges one line and writes the reading, the alert transitions and the reminders they cause in one
    /// transaction. Memory is updated only after the commit succeeds, so memory and disk never disagree.
    /// `attemptRecorded` says the poll's attempt was written before the provider was asked (`startPoll`).
    /// Returns whether the commit succeeded.
    @discardableResult
    func commitAssessment(
        of line: Line,
        trigger: Trigger,
        now: Date,
        record start: LineRecord? = nil,
        attemptRecorded: Bool = false
    ) -> Bool {
        var record = start ?? records[line.id] ?? LineRecord(lineID: line.id, firstSeen: now)
        var batch = StoreBatch()
        var newLatest = latest[line.id]
        var renewed = false
        if case .renewal = trigger { renewed = true }

        if case .poll(let outcome) = trigger {
            if !attemptRecorded {
                record.lastAttempt = now
                record.polls += 1
            }
            switch outcome {
            case .success(let reading) where reading.estimated:
                // An estimate between entries (manual lines): stored and judged, but nothing was observed, so it
                // neither counts as a success for the stale rule nor as a top-up.
                newLatest = reading
                batch.readings.append(reading)
            case .success(let reading):
                // Top-ups are judged against what was last observed, not against an estimate.
                var previous = latest[line.id]
                if previous?.estimated == true, let observed = try? store.latestObservedReading(line: line.id) {
                    previous = observed
                }
                // A top-up seen across a renewal recorded by hand is that same renewal.
                let acrossRecorded = record.renewedAt.map { at in (previous?.observedAt ?? at) < at } ?? false
                renewed = TopUp.detected(previous: previous, current: reading) && !acrossRecorded
                record.lastSuccess = now
                record.failures = 0
                record.lastError = nil
                newLatest = reading
                batch.readings.append(reading)
            case .failure(let error):
                record.failures += 1
                record.lastError = error.description
            }
        }
        refreshPeriod(&record, of: line, now: now)
        if case .renewal = trigger, let period = record.period {
            // Until the provider is read again, the line holds what was just bought (an estimate: not used for the
            // pace, and not a top-up against the next real reading).
            let fresh = Reading(
                lineID: line.id,
                observedAt: now,
                remaining: period.quota,
                used: period.quota.map { _ in ByteCount(bytes: 0) },
                total: period.quota,
                credit: newLatest?.credit,
                expiresAt: period.expiresAt,
                status: .active,
                source: "renewal",
                estimated: true
            )
            newLatest = fresh
            batch.readings.append(fresh)
        }

        let recent = (try? store.readings(line: line.id, since: now - config.daemon.paceWindow)) ?? []
        let snapshot = LineSnapshot(
            line: line,
            period: record.period,
            latest: newLatest,
            recent: recent + batch.readings,
            lastSuccessAt: record.lastSuccess,
            watchingSince: record.firstSeen,
            lastError: record.lastError
        )
        let forecast = Forecast.make(from: snapshot, now: now)
        var work = AssessmentWork(
            snapshot: snapshot,
            forecast: forecast,
            composer: ReminderComposer(zone: config.daemon.timeZone),
            now: now
        )

        if renewed {
            record.renewals += 1
            resolveForRenewal(line, renewals: record.renewals, into: &work, batch: &batch)
        }
        for rule in line.rules {
            assess(rule, of: line, into: &work, batch: &batch)
        }

        batch.alerts = Array(work.changed.values)
        batch.log = work.entries
        batch.lines.append(record)
        do {
            try store.commit(batch)
            storeSucceeded(now: now)
        } catch {
            storeFailed(error, doing: "line \(line.id)", now: now)
            if case .poll = trigger {
                let retry = max(now + timing.firstRetry, storeTrouble?.retryAt ?? now)
                polls.schedule(line.id, at: retry)
            } else {
                reminders.schedule(line.id, at: max(now + timing.firstRetry, storeTrouble?.retryAt ?? now))
            }
            return false
        }
        records[line.id] = record
        latest[line.id] = newLatest
        for (key, state) in work.changed { alerts[key] = state }
        for event in work.events { events.publish(event) }
        if case .poll(let outcome) = trigger { schedulePoll(line, record: record, outcome: outcome, now: now) }
        scheduleReminders(of: line)
        return true
    }

    /// The next time a line needs judging without a poll: its earliest repeat reminder.
    func scheduleReminders(of line: Line) {
        let next = line.rules.compactMap { alerts[Self.key(line.id, $0.id)]?.firing?.nextReminderAt }.min()
        if let next { reminders.schedule(line.id, at: next) } else { reminders.remove(line.id) }
    }

    /// One rule: condition, state machine step, and the reminders the step asks for (held back while snoozed).
    private func assess(_ rule: Rule, of line: Line, into work: inout AssessmentWork, batch: inout StoreBatch) {
        let now = work.now
        let key = Self.key(line.id, rule.id)
        let state = work.changed[key] ?? alerts[key] ?? AlertState(lineID: line.id, ruleID: rule.id)
        let condition = RuleEvaluator.evaluate(
            rule,
            snapshot: work.snapshot,
            forecast: work.forecast,
            now: now,
            firing: state.isFiring
        )
        var (next, event) = state.step(condition: condition, policy: rule.repeatPolicy, now: now)
        guard next != state, let event else {
            if next != state { work.changed[key] = next }
            return
        }
        if case .resolved = event {
            work.changed[key] = next
            batch.cancelled.append((line.id, rule.id, state.episode))
            work.log(
                line.id,
                rule.id,
                state.episode,
                event.name,
                nil,
                state.firing?.occurrence ?? 0,
                "condition cleared"
            )
            return
        }
        let firing = next.firing
        let text = work.composer.compose(
            kind: rule.kind.reminderKind,
            rule: rule,
            stage: firing?.stage,
            snapshot: work.snapshot,
            forecast: work.forecast,
            now: now
        )
        if let until = next.snoozedUntil, until > now, var held = firing {
            // Snoozed: no reminder now, one when the snooze ends if the alert is still firing.
            held.nextReminderAt = until
            next.phase = .firing(held)
            work.changed[key] = next
            work.log(line.id, rule.id, next.episode, "suppressed", held.stage, held.occurrence, text.summary)
            return
        }
        work.changed[key] = next
        work.log(line.id, rule.id, next.episode, event.name, firing?.stage, firing?.occurrence ?? 1, text.summary)
        batch.reminders += reminders(
            for: line,
            kind: rule.kind.reminderKind,
            rule: rule.id,
            event: event.name,
            severity: severity(of: rule, stage: firing?.stage),
            episode: next.episode,
            occurrence: firing?.occurrence ?? 1,
            stage: firing?.stage,
            text: text,
            snapshot: work.snapshot,
            forecast: work.forecast,
            now: now
        )
    }

    /// A renewal ends the line's data and expiry alerts and sends one "renewed" notice.
    private func resolveForRenewal(
        _ line: Line,
        renewals: Int,
        into work: inout AssessmentWork,
        batch: inout StoreBatch
    ) {
        let now = work.now
        for rule in line.rules where rule.kind.endsWithRenewal {
            let key = Self.key(line.id, rule.id)
            guard let state = alerts[key], state.isFiring else { continue }
            let (next, _) = state.step(condition: .clear, policy: rule.repeatPolicy, now: now, renewed: true)
            work.changed[key] = next
            batch.cancelled.append((line.id, rule.id, state.episode))
            work.log(line.id, rule.id, state.episode, "resolved", nil, state.firing?.occurrence ?? 0, "renewed")
        }
        let text = work.composer.compose(
            kind: .renewed,
            rule: nil,
            stage: nil,
            snapshot: work.snapshot,
            forecast: work.forecast,
            now: now
        )
        work.log(line.id, nil, renewals, "renewed", nil, 1, text.summary)
        work.events.append(
            EngineEvent(kind: .renewal, at: now, lineID: line.id, event: "renewed", summary: text.summary)
        )
        batch.reminders += reminders(
            for: line,
            kind: .renewed,
            rule: nil,
            event: "renewed",
            severity: .info,
            episode: renewals,
            occurrence: 1,
            stage: nil,
            text: text,
            snapshot: work.snapshot,
            forecast: work.forecast,
            now: now
        )
    }

    /// Expiry's last stage ("expired") is always critical: nothing is left to warn about.
    func severity(of rule: Rule, stage: Int?) -> Severity {
        if case .expiresWithin(let stages) = rule.kind, let stage, stage >= stages.count { return .critical }
        return rule.severity
    }
}

/// The working state of one assessment: inputs, the alert states changed so far and the events to publish once
/// the transaction commits.
struct AssessmentWork {
    let snapshot: LineSnapshot
    let forecast: Forecast
    let composer: ReminderComposer
    let now: Date
    var changed: [String: AlertState] = [:]
    var events: [EngineEvent] = []
    var entries: [AlertLogEntry] = []

    init(snapshot: LineSnapshot, forecast: Forecast, composer: ReminderComposer, now: Date) {
        self.snapshot = snapshot
        self.forecast = forecast
        self.composer = composer
        self.now = now
    }

    /// Records a history entry (and the matching event) for the log and the event feed.
    mutating func log(
        _ line: String,
        _ rule: String?,
        _ episode: Int,
        _ event: String,
        _ stage: Int?,
        _ occurrence: Int,
        _ summary: String
    ) {
        entries.append(
            AlertLogEntry(
                lineID: line,
                ruleID: rule,
                episode: episode,
                event: event,
                stage: stage,
                occurrence: occurrence,
                at: now,
                summary: summary
            )
        )
        if event != "renewed" {
            events.append(
                EngineEvent(kind: .alert, at: now, lineID: line, ruleID: rule, event: event, summary: summary)
            )
        }
    }
}
