public import FoundationEssentials
import SimwatchConfig
public import SimwatchCore

/// What the control API changes: a reading or a renewal entered by hand, a snooze, a poll on request, a test
/// reminder. Each checks its input, has the ledger decide and commit, and tells the schedulers what came of it.
public struct ControlActions: Sendable {
    let running: RunningConfig
    let ledger: Ledger
    let polls: PollScheduler
    let repeats: RepeatScheduler
    let outbox: OutboxDispatcher
    let events: EventHub

    func line(_ id: String) throws(RequestError) -> Line {
        guard let line = running.line(id) else { throw .noSuchLine(id) }
        return line
    }

    /// Refuses work that would date a plan or a reading while the clock is not set.
    func requireClock(_ now: Date) throws(RequestError) {
        guard ClockWatch.isSet(now) else {
            throw .invalid(parameter: "clock", reason: "the system clock is not set yet (it is before 2024)")
        }
    }

    /// A reading entered by hand (source "manual"), judged like a poll's.
    public func record(_ id: String, reading input: Reading, now: Date) async throws(RequestError) -> Reading {
        let line = try line(id)
        try requireClock(now)
        guard
            input.remaining != nil || input.used != nil || input.total != nil || input.credit != nil
                || input.expiresAt != nil
        else { throw .invalid(parameter: "remaining_bytes", reason: "give at least one figure") }
        for (name, value) in [
            ("remaining_bytes", input.remaining), ("used_bytes", input.used), ("total_bytes", input.total),
        ] {
            if let value, value.bytes < 0 { throw .invalid(parameter: name, reason: "must not be negative") }
        }
        let reading = await ledger.completed(input, line: id, now: now)
        switch await ledger.judge(line, trigger: .poll(.success(reading), attemptRecorded: false), now: now) {
        case .committed(let outcome):
            await settled(line.id, outcome)
        case .refused:
            throw .invalid(parameter: "line", reason: "the reading could not be saved: \(await ledger.lastError)")
        }
        events.publish(WatchEvent(kind: .reading, at: now, lineID: id, summary: "recorded by hand", reading: reading))
        return reading
    }

    /// A renewal or top-up recorded by hand: a new plan period from now. Ends data and expiry alerts, sends the
    /// "renewed" notice, and reads the line again at once.
    public func renew(
        _ id: String,
        data: ByteCount?,
        validFor: TimeSpan?,
        expires: Date?,
        now: Date
    ) async throws(RequestError) -> PlanPeriod {
        let line = try line(id)
        try requireClock(now)
        if validFor != nil, expires != nil {
            throw .invalid(parameter: "expires_at", reason: "give either valid_seconds or expires_at")
        }
        if let validFor, validFor.seconds <= 0 {
            throw .invalid(parameter: "valid_seconds", reason: "must be positive")
        }
        if let expires, expires <= now { throw .invalid(parameter: "expires_at", reason: "must be in the future") }
        if let data, data.bytes < 0 { throw .invalid(parameter: "data_bytes", reason: "must not be negative") }
        let (period, outcome) = try await ledger.renew(line, data: data, validFor: validFor, expires: expires, now: now)
        await settled(line.id, outcome)
        await polls.schedule(id, at: now)
        return period
    }

    /// Holds back reminders of one rule (or all rules) of a line until `until`.
    public func snooze(_ id: String, rule: String?, until: Date, now: Date) async throws(RequestError) -> [AlertState] {
        try await setSnooze(id, rule: rule, until: until, now: now)
    }

    /// Ends a snooze; a reminder that fell due during it goes out at once.
    public func unsnooze(_ id: String, rule: String?, now: Date) async throws(RequestError) -> [AlertState] {
        try await setSnooze(id, rule: rule, until: nil, now: now)
    }

    private func setSnooze(
        _ id: String,
        rule: String?,
        until: Date?,
        now: Date
    ) async throws(RequestError)
        -> [AlertState]
    {
        let line = try line(id)
        if let rule, !line.rules.contains(where: { $0.id == rule }) { throw .noSuchRule(line: id, rule: rule) }
        if let until, until <= now { throw .invalid(parameter: "until", reason: "must be in the future") }
        let (alerts, next) = try await ledger.snooze(line, rule: rule, until: until, now: now)
        await repeats.set(id, at: next)
        return alerts
    }

    /// Reads the line (or every line) now, waits for the result, and returns each outcome.
    public func pollNow(
        _ id: String?,
        now: Date
    ) async throws(RequestError) -> [(String, Result<Reading, ProviderError>)] {
        try requireClock(now)
        let targets = try id.map { id throws(RequestError) in [try line(id)] } ?? running.config.lines
        return try await polls.pollNow(targets, now: now)
    }

    /// What a committed judgement means for the schedules: the next repeat, and the outbox's news.
    private func settled(_ id: String, _ outcome: AssessmentOutcome) async {
        await repeats.set(id, at: outcome.nextReminderAt)
        if !outcome.reminders.isEmpty { outbox.wakeup.poke() }
    }
}
