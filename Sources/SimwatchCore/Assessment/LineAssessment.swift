import FoundationEssentials

/// The daemon's decisions about one line, as one pure function: given what is known of the line (its record,
/// readings and alert states), what just happened (the trigger) and the time, what changes: the new record, the
/// readings to store, the alert transitions and their history, the reminders for the outbox, the events to
/// publish, and when the line next needs judging.
///
/// Nothing here reads a clock, the store or the configuration, and nothing is written: the daemon loads the
/// input, commits the outcome in one transaction, and applies it only once that succeeded. Top-ups and
/// renewals, snoozes, quiet hours and recipients are all decided here, so each rule can be tested as a table of
/// inputs and outcomes.
public enum LineAssessment {
    public static func assess(_ input: AssessmentInput) -> AssessmentOutcome {
        let line = input.line
        let now = input.now
        var outcome = AssessmentOutcome(record: input.record, latest: input.latest)
        var recorded: RenewalEntry?
        if case .renewal(let entry) = input.trigger {
            outcome.renewed = true
            recorded = entry
        }
        // What the provider said last before this assessment: a top-up and a renewal's check compare against it.
        var before = input.latest
        if before?.estimated == true, let observed = input.lastObserved { before = observed }

        if case .poll(let result, let attemptRecorded) = input.trigger {
            if !attemptRecorded {
                outcome.record.lastAttempt = now
                outcome.record.polls += 1
            }
            read(result, into: &outcome, input: input)
        }
        outcome.record.refreshPeriod(of: line, now: now, zone: input.settings.zone)
        if case .renewal = input.trigger, let period = outcome.record.period {
            // Until the provider is read again, the line holds what was just bought (an estimate: not used for the
            // pace, and not a top-up against the next real reading).
            let fresh = Reading(
                lineID: line.id,
                observedAt: now,
                remaining: period.quota,
                used: period.quota.map { _ in ByteCount(bytes: 0) },
                total: period.quota,
                credit: outcome.latest?.credit,
                expiresAt: period.expiresAt,
                status: .active,
                source: "renewal",
                estimated: true
            )
            outcome.latest = fresh
            outcome.readings.append(fresh)
        }

        let snapshot = LineSnapshot(
            line: line,
            period: outcome.record.period,
            latest: outcome.latest,
            recent: input.recent + outcome.readings,
            lastSuccessAt: outcome.record.lastSuccess,
            watchingSince: outcome.record.firstSeen,
            lastError: outcome.record.lastError
        )
        let judging = Judging(
            input: input,
            snapshot: snapshot,
            forecast: Forecast.make(from: snapshot, now: now),
            composer: ReminderComposer(zone: input.settings.zone, language: input.settings.language)
        )
        if outcome.renewed {
            outcome.record.renewals += 1
            judging.resolveForRenewal(renewals: outcome.record.renewals, into: &outcome)
            judging.addToLedger(
                recorded: recorded,
                sequence: outcome.record.renewals,
                before: before,
                into: &outcome
            )
        } else if let check = outcome.record.check {
            checkRenewal(check, before: before, judging: judging, into: &outcome)
        }
        // While the provider has yet to show a renewal, its old figures are not news: data and expiry rules wait.
        let waiting = outcome.record.check.map { !$0.late } ?? false
        for rule in line.rules where !(waiting && rule.kind.endsWithRenewal) {
            judging.judge(rule, into: &outcome)
        }
        let reminders = line.rules.compactMap { rule in
            (outcome.alerts[rule.id] ?? input.alerts[rule.id])?.firing?.nextReminderAt
        }
        let checkEnds = outcome.record.check.flatMap { $0.late ? nil : $0.until }
        outcome.nextReminderAt = (reminders + [checkEnds].compactMap { $0 }).min()
        return outcome
    }

    /// An open check of a renewal recorded by hand: a reading that shows it confirms it; the end of the wait makes
    /// it late; a renewal whose period has ended is no longer checked.
    private static func checkRenewal(
        _ check: RenewalCheck,
        before: Reading?,
        judging: Judging,
        into outcome: inout AssessmentOutcome
    ) {
        let now = judging.now
        if case .poll(.success(let reading), _) = judging.input.trigger, check.isConfirmed(by: reading) {
            judging.confirm(check, by: reading, into: &outcome)
        } else if outcome.record.periodOrigin != "renewal" {
            outcome.record.check = nil
        } else if !check.late, now >= check.until {
            judging.late(check, into: &outcome)
        }
    }

    /// A poll's result in the record: a success resets the failures and may be a top-up; an estimate (a manual
    /// line between entries) is stored and judged, but nothing was observed, so it neither counts as a success
    /// for the stale rule nor as a top-up.
    private static func read(
        _ result: Result<Reading, ProviderError>,
        into outcome: inout AssessmentOutcome,
        input: AssessmentInput
    ) {
        switch result {
        case .success(let reading) where reading.estimated:
            outcome.latest = reading
            outcome.readings.append(reading)
        case .success(let reading):
            var previous = input.latest
            if previous?.estimated == true, let observed = input.lastObserved { previous = observed }
            // A top-up seen across a renewal recorded by hand is that same renewal, and so is one that arrives
            // while that renewal is being checked.
            let acrossRecorded = input.record.renewedAt.map { at in (previous?.observedAt ?? at) < at } ?? false
            outcome.renewed =
                TopUp.detected(previous: previous, current: reading) && !acrossRecorded && input.record.check == nil
            outcome.record.lastSuccess = input.now
            outcome.record.failures = 0
            outcome.record.lastError = nil
            outcome.latest = reading
            outcome.readings.append(reading)
        case .failure(let error):
            outcome.record.failures += 1
            outcome.record.lastError = error.description
        }
    }
}
