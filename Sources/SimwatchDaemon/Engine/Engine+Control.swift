public import FoundationEssentials
public import SimwatchCore
public import SimwatchStore

/// A failed control request, with a stable code the control service maps to a Varlink error.
public enum EngineError: Error, Sendable, Hashable {
    case noSuchLine(String)
    case noSuchRule(line: String, rule: String)
    case noSuchChannel(String, known: [String])
    case invalid(parameter: String, reason: String)
    case deliveryFailed(channel: String, reason: String)
    case shuttingDown
}

/// Everything known about one line, for status and `show`.
public struct LineState: Sendable {
    public var line: Line
    public var record: LineRecord?
    public var latest: Reading?
    public var period: PlanPeriod?
    public var alerts: [AlertState]
    public var nextPoll: Date?
}

extension Engine {
    public func lineStates(now: Date) -> [LineState] {
        config.lines.map { state(of: $0, now: now) }
    }

    public func lineState(_ id: String, now: Date) throws(EngineError) -> LineState {
        state(of: try line(id), now: now)
    }

    func line(_ id: String) throws(EngineError) -> Line {
        guard let line = config.lines.first(where: { $0.id == id }) else { throw .noSuchLine(id) }
        return line
    }

    private func state(of line: Line, now: Date) -> LineState {
        let record = records[line.id]
        let alertStates = line.rules.map {
            alerts[Self.key(line.id, $0.id)] ?? AlertState(lineID: line.id, ruleID: $0.id)
        }
        return LineState(
            line: line,
            record: record,
            latest: latest[line.id],
            period: record.map { period(for: line, record: $0, now: now) },
            alerts: alertStates,
            nextPoll: polls.due(of: line.id)
        )
    }

    /// The forecast at `now` from the stored recent readings.
    public func forecast(of id: String, now: Date) throws(EngineError) -> Forecast {
        let state = try lineState(id, now: now)
        let recent = (try? store.readings(line: id, since: now - config.daemon.paceWindow)) ?? []
        let snapshot = LineSnapshot(
            line: state.line,
            period: state.period,
            latest: state.latest,
            recent: recent,
            lastSuccessAt: state.record?.lastSuccess,
            watchingSince: state.record?.firstSeen ?? now
        )
        return Forecast.make(from: snapshot, now: now)
    }

    public func alertHistory(of id: String, limit: Int = 50) throws(EngineError) -> [AlertLogEntry] {
        _ = try line(id)
        return (try? store.alertLog(line: id, limit: limit)) ?? []
    }

    /// Data left between two instants: raw readings where they are kept, hourly and daily roll-ups before that,
    /// thinned to at most `maxPoints` (the last point of each equal slice of time).
    public func history(of id: String, since: Date, until: Date, maxPoints: Int) throws(EngineError) -> [HistorySample]
    {
        _ = try line(id)
        let samples = (try? store.history(line: id, since: since, until: until)) ?? []
        return HistorySample.thin(samples, since: since, until: until, maxPoints: maxPoints)
    }

    public func outboxCounts() -> (pending: Int, dead: Int) {
        (try? store.outboxCounts()) ?? (0, 0)
    }

    /// Outbox entries, newest first.
    public func outbox(state: OutboxItem.State?, channel: String?, limit: Int) -> [OutboxItem] {
        (try? store.outbox(state: state, channel: channel, limit: limit)) ?? []
    }

    public var lastPollInfo: (line: String, at: Date, ok: Bool)? { lastPoll }

    /// Reads the line (or every line) now, waits for the result, and returns each outcome.
    public func pollNow(
        _ id: String?,
        now: Date
    ) async throws(EngineError) -> [(String, Result<Reading, ProviderError>)] {
        guard !stopping else { throw .shuttingDown }
        try requireClock(now)
        var targets = config.lines
        if let id { targets = [try line(id)] }
        for line in targets where inFlight[line.id] == nil {
            polls.remove(line.id)
            startPoll(line, now: now)
        }
        for line in targets {
            await inFlight[line.id]?.value
        }
        onChange?()
        return targets.compactMap { line in lastOutcome[line.id].map { (line.id, $0) } }
    }

    /// Holds back reminders of one rule (or all rules) of a line until `until`.
    public func snooze(_ id: String, rule: String?, until: Date, now: Date) throws(EngineError) -> [AlertState] {
        try setSnooze(id, rule: rule, until: until, now: now)
    }

    /// Ends a snooze; a reminder that fell due during it goes out at once.
    public func unsnooze(_ id: String, rule: String?, now: Date) throws(EngineError) -> [AlertState] {
        try setSnooze(id, rule: rule, until: nil, now: now)
    }

    private func setSnooze(_ id: String, rule: String?, until: Date?, now: Date) throws(EngineError) -> [AlertState] {
        let line = try line(id)
        if let rule, !line.rules.contains(where: { $0.id == rule }) { throw .noSuchRule(line: id, rule: rule) }
        if let until, until <= now { throw .invalid(parameter: "until", reason: "must be in the future") }
        var batch = StoreBatch()
        var changed: [AlertState] = []
        for r in line.rules where rule == nil || r.id == rule {
            let key = Self.key(id, r.id)
            var state = alerts[key] ?? AlertState(lineID: id, ruleID: r.id)
            let heldUntil = state.snoozedUntil
            state.snoozedUntil = until
            // A reminder held back by the snooze waits for its end; ending the snooze early sends it now.
            if until == nil, var firing = state.firing, let held = heldUntil, firing.nextReminderAt == held {
                firing.nextReminderAt = now
                state.phase = .firing(firing)
            }
            changed.append(state)
            batch.log.append(
                AlertLogEntry(
                    lineID: id,
                    ruleID: r.id,
                    episode: state.episode,
                    event: until == nil ? "unsnoozed" : "snoozed",
                    stage: nil,
                    occurrence: state.firing?.occurrence ?? 0,
                    at: now,
                    summary: until.map { "snoozed until \(config.daemon.timeZone.localDateTime($0).humanDescription)" }
                        ?? "snooze ended"
                )
            )
        }
        batch.alerts = changed
        do {
            try store.commit(batch)
        } catch {
            throw .invalid(parameter: "line", reason: "could not save: \(error)")
        }
        for state in changed { alerts[Self.key(id, state.ruleID)] = state }
        scheduleReminders(of: line)
        onChange?()
        return changed
    }
}
