import FoundationEssentials
import Logging
import SimwatchCore
import SimwatchStore

extension Engine {
    /// Judges one line after a poll (`outcome` set) or when a repeat reminder is due (`outcome` nil), and writes
    /// the reading, the alert transitions and the reminders they cause in one transaction. Memory is updated only
    /// after the commit succeeds, so memory and disk never disagree.
    func commitAssessment(of line: Line, outcome: Result<Reading, ProviderError>?, now: Date) {
        var record = records[line.id] ?? LineRecord(lineID: line.id, firstSeen: now)
        var batch = StoreBatch()
        var newLatest = latest[line.id]
        var renewed = false

        if let outcome {
            record.lastAttempt = now
            record.polls += 1
            switch outcome {
            case .success(let reading):
                renewed = TopUp.detected(previous: latest[line.id], current: reading)
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
        record.period = period(for: line, record: record, now: now)

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
        let composer = ReminderComposer(zone: config.daemon.timeZone)
        var changed: [String: AlertState] = [:]

        if renewed {
            record.renewals += 1
            for rule in line.rules where rule.kind.endsWithRenewal {
                let key = Self.key(line.id, rule.id)
                guard let state = alerts[key], state.isFiring else { continue }
                let (next, _) = state.step(condition: .clear, policy: rule.repeatPolicy, now: now, renewed: true)
                changed[key] = next
                batch.cancelled.append((line.id, rule.id, state.episode))
                batch.log.append(
                    AlertLogEntry(
                        lineID: line.id,
                        ruleID: rule.id,
                        episode: state.episode,
                        event: "resolved",
                        stage: nil,
                        occurrence: state.firing?.occurrence ?? 0,
                        at: now,
                        summary: "renewed"
                    )
                )
            }
            let text = composer.compose(
                kind: .renewed,
                rule: nil,
                stage: nil,
                snapshot: snapshot,
                forecast: forecast,
                now: now
            )
            batch.log.append(
                AlertLogEntry(
                    lineID: line.id,
                    ruleID: nil,
                    episode: record.renewals,
                    event: "renewed",
                    stage: nil,
                    occurrence: 1,
                    at: now,
                    summary: text.summary
                )
            )
            batch.reminders += reminders(
                for: line,
                kind: .renewed,
                rule: nil,
                event: "renewed",
                severity: .info,
                episode: record.renewals,
                occurrence: 1,
                stage: nil,
                text: text,
                snapshot: snapshot,
                forecast: forecast,
                now: now
            )
        }

        for rule in line.rules {
            let key = Self.key(line.id, rule.id)
            let state = changed[key] ?? alerts[key] ?? AlertState(lineID: line.id, ruleID: rule.id)
            let condition = RuleEvaluator.evaluate(
                rule,
                snapshot: snapshot,
                forecast: forecast,
                now: now,
                firing: state.isFiring
            )
            let (next, event) = state.step(condition: condition, policy: rule.repeatPolicy, now: now)
            guard next != state else { continue }
            changed[key] = next
            guard let event else { continue }
            if case .resolved = event {
                batch.cancelled.append((line.id, rule.id, state.episode))
                batch.log.append(
                    AlertLogEntry(
                        lineID: line.id,
                        ruleID: rule.id,
                        episode: state.episode,
                        event: event.name,
                        stage: nil,
                        occurrence: state.firing?.occurrence ?? 0,
                        at: now,
                        summary: "condition cleared"
                    )
                )
                continue
            }
            let firing = next.firing
            let stage = firing?.stage
            let text = composer.compose(
                kind: rule.kind.reminderKind,
                rule: rule,
                stage: stage,
                snapshot: snapshot,
                forecast: forecast,
                now: now
            )
            batch.log.append(
                AlertLogEntry(
                    lineID: line.id,
                    ruleID: rule.id,
                    episode: next.episode,
                    event: event.name,
                    stage: stage,
                    occurrence: firing?.occurrence ?? 1,
                    at: now,
                    summary: text.summary
                )
            )
            batch.reminders += reminders(
                for: line,
                kind: rule.kind.reminderKind,
                rule: rule.id,
                event: event.name,
                severity: severity(of: rule, stage: stage),
                episode: next.episode,
                occurrence: firing?.occurrence ?? 1,
                stage: stage,
                text: text,
                snapshot: snapshot,
                forecast: forecast,
                now: now
            )
        }

        batch.alerts = Array(changed.values)
        batch.lines.append(record)
        do {
            try store.commit(batch)
        } catch {
            logger.error("\(line.id): could not save state: \(error)", metadata: ["line": "\(line.id)"])
            if outcome != nil { polls.schedule(line.id, at: now + timing.firstRetry) }
            return
        }
        records[line.id] = record
        latest[line.id] = newLatest
        for (key, state) in changed { alerts[key] = state }
        if let outcome { schedulePoll(line, record: record, outcome: outcome, now: now) }
        let nextRepeat = line.rules.compactMap { alerts[Self.key(line.id, $0.id)]?.firing?.nextReminderAt }.min()
        if let nextRepeat { reminders.schedule(line.id, at: nextRepeat) } else { reminders.remove(line.id) }
    }

    /// Expiry's last stage ("expired") is always critical: nothing is left to warn about.
    func severity(of rule: Rule, stage: Int?) -> Severity {
        if case .expiresWithin(let stages) = rule.kind, let stage, stage >= stages.count { return .critical }
        return rule.severity
    }

    /// One reminder per channel of the line, held back to the end of quiet hours unless critical.
    func reminders(
        for line: Line,
        kind: ReminderKind,
        rule: String?,
        event: String,
        severity: Severity,
        episode: Int,
        occurrence: Int,
        stage: Int?,
        text: (summary: String, details: [String]),
        snapshot: LineSnapshot,
        forecast: Forecast,
        now: Date
    ) -> [Reminder] {
        var notBefore = now
        if severity < .critical, let quiet = config.daemon.quietHours, quiet.contains(now) {
            notBefore = quiet.end(after: now)
        }
        return line.channels.map { channel in
            Reminder(
                id: Reminder.stableID(
                    line: line.id,
                    rule: rule,
                    episode: episode,
                    occurrence: occurrence,
                    channel: channel
                ),
                channel: channel,
                kind: kind,
                event: event,
                severity: severity,
                lineID: line.id,
                lineName: line.name,
                ruleID: rule,
                episode: episode,
                occurrence: occurrence,
                stage: stage,
                summary: text.summary,
                details: text.details,
                remaining: snapshot.remaining,
                total: snapshot.total,
                expiresAt: snapshot.expiresAt,
                runsOutAt: forecast.runsOutAt,
                createdAt: now,
                notBefore: notBefore,
                timeZone: config.daemon.timeZone.identifier
            )
        }
    }
}
