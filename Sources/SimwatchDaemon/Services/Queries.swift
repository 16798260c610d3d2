public import FoundationEssentials
public import SimwatchConfig
public import SimwatchCore
public import SimwatchStore

/// The read side of the control API: it reads the state database directly (records, readings, alerts, their
/// history, the outbox) and asks the services only what lives in them (the next poll, the last poll, whether the
/// database refuses writes). It changes nothing.
public struct Queries: Sendable {
    let store: StateStore
    let running: RunningConfig
    let ledger: Ledger
    let polls: PollScheduler
    let clockWatch: ClockWatch

    public var config: Config { running.config }

    public func line(_ id: String) throws(RequestError) -> Line {
        guard let line = running.line(id) else { throw .noSuchLine(id) }
        return line
    }

    public func lineStates(now: Date) async -> [LineState] {
        let records = (try? store.lines.all()) ?? [:]
        let alerts = alertsByLine()
        var states: [LineState] = []
        for line in running.config.lines {
            states.append(await state(of: line, record: records[line.id], alerts: alerts[line.id] ?? [:], now: now))
        }
        return states
    }

    /// The states of a page of lines (`RunningConfig.Snapshot.page`): only their rows are read. Nil when `after`
    /// names no line.
    public func lineStates(after: String?, limit: Int, now: Date) async -> (states: [LineState], more: Bool)? {
        guard let page = running.snapshot.page(after: after, limit: limit) else { return nil }
        var states: [LineState] = []
        states.reserveCapacity(page.lines.count)
        for line in page.lines { states.append(await state(of: line, now: now)) }
        return (states, page.more)
    }

    public func lineState(_ id: String, now: Date) async throws(RequestError) -> LineState {
        await state(of: try line(id), now: now)
    }

    /// One line's state from its own rows.
    private func state(of line: Line, now: Date) async -> LineState {
        let record = (try? store.lines.record(of: line.id)) ?? nil
        var alerts: [String: AlertState] = [:]
        for state in (try? store.alerts.of(line: line.id)) ?? [] { alerts[state.ruleID] = state }
        return await state(of: line, record: record, alerts: alerts, now: now)
    }

    private func state(of line: Line, record: LineRecord?, alerts: [String: AlertState], now: Date) async -> LineState {
        LineState(
            line: line,
            record: record,
            latest: (try? store.readings.latest(line: line.id)) ?? nil,
            period: record.map { $0.period(of: line, now: now, zone: running.config.daemon.timeZone) },
            alerts: line.rules.map { alerts[$0.id] ?? AlertState(lineID: line.id, ruleID: $0.id) },
            nextPoll: await polls.due(of: line.id)
        )
    }

    private func alertsByLine() -> [String: [String: AlertState]] {
        var byLine: [String: [String: AlertState]] = [:]
        for state in (try? store.alerts.all()) ?? [] { byLine[state.lineID, default: [:]][state.ruleID] = state }
        return byLine
    }

    /// The forecast at `now` from the stored recent readings.
    public func forecast(of id: String, now: Date) async throws(RequestError) -> Forecast {
        let state = try await lineState(id, now: now)
        let recent = (try? store.readings.list(line: id, since: now - running.config.daemon.paceWindow)) ?? []
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

    /// The line's offers against what it needs at its pace (`simwatchctl offers`).
    public func offers(of id: String, now: Date) async throws(RequestError) -> OfferAdvice {
        let state = try await lineState(id, now: now)
        let forecast = try await forecast(of: id, now: now)
        return OfferAdvisor.advise(
            state.line.offers,
            neededUntil: state.line.neededUntil,
            pace: forecast.pacePerDay,
            remaining: state.latest?.effectiveRemaining,
            total: state.latest?.total ?? state.period?.quota,
            period: state.period,
            now: now
        )
    }

    public func alertHistory(of id: String, limit: Int = 50) throws(RequestError) -> [AlertLogEntry] {
        _ = try line(id)
        return (try? store.alertLog.entries(line: id, limit: limit)) ?? []
    }

    /// Data left between two instants: raw readings where they are kept, hourly and daily roll-ups before that,
    /// thinned to at most `maxPoints` (the last point of each equal slice of time).
    public func history(of id: String, since: Date, until: Date, maxPoints: Int) throws(RequestError) -> [HistorySample]
    {
        _ = try line(id)
        let samples = (try? store.history.samples(line: id, since: since, until: until)) ?? []
        return HistorySample.thin(samples, since: since, until: until, maxPoints: maxPoints)
    }

    public func outboxCounts() -> (pending: Int, dead: Int) {
        (try? store.outbox.counts()) ?? (0, 0)
    }

    /// Outbox entries, newest first.
    public func outbox(state: OutboxItem.State?, channel: String?, limit: Int) -> [OutboxItem] {
        (try? store.outbox.list(state: state, channel: channel, limit: limit)) ?? []
    }

    /// Every alert firing, by line and rule (unbounded: `GetStatus` asks for the first few with `limit`).
    public func firingAlerts() -> [AlertState] { firingAlerts(limit: .max).alerts }

    /// The first `limit` alerts firing, by line and rule, and how many fire in all.
    public func firingAlerts(limit: Int) -> (alerts: [AlertState], total: Int) {
        (try? store.alerts.firing(limit: limit)) ?? ([], 0)
    }

    /// The renewal ledger (of one line, renewed since `since`), oldest first; an entry whose period is still open
    /// gets what its line has used so far.
    public func renewals(line id: String?, since: Date?) throws(RequestError) -> [RenewalEntry] {
        if let id { _ = try line(id) }
        var entries: [RenewalEntry]
        do { entries = try store.renewals.entries(line: id, since: since) } catch {
            throw .invalid(parameter: "line", reason: "the ledger could not be read: \(error)")
        }
        var latest: [String: Reading?] = [:]
        for index in entries.indices where entries[index].endedAt == nil {
            let line = entries[index].lineID
            if latest[line] == nil { latest[line] = .some((try? store.readings.latest(line: line)) ?? nil) }
            if let reading = latest[line] ?? nil, reading.observedAt >= entries[index].renewedAt {
                entries[index].usedBytes = reading.effectiveUsed
            }
        }
        return entries
    }

    public func latestReading(of line: String) -> Reading? { (try? store.readings.latest(line: line)) ?? nil }

    public func lastPoll() async -> LatestPoll? { await polls.last }

    public func storeTrouble() async -> StoreTrouble? { await ledger.trouble }

    /// The one-line summary for `STATUS=` and logs: "2 lines, 1 alert firing, last poll fr-travel 10:05 ok".
    public func statusLine() async -> String {
        let lines = running.config.lines.count
        let firing = await ledger.firingCount
        var text = "\(lines) line\(lines == 1 ? "" : "s"), \(firing) alert\(firing == 1 ? "" : "s") firing"
        if let last = await polls.last {
            text += ", last poll \(last.line) \(clockTime(last.at)) \(last.ok ? "ok" : "failed")"
        }
        if await clockWatch.waitingForClock {
            text = "waiting for the system clock to be set; " + text
        }
        if let trouble = await ledger.trouble {
            text = "STATE NOT SAVED since \(clockTime(trouble.since)) (\(trouble.error)); " + text
        }
        return text
    }

    /// "09:05" in the configured zone.
    private func clockTime(_ date: Date) -> String {
        let t = running.config.daemon.timeZone.localDateTime(date)
        let hh = t.hour < 10 ? "0\(t.hour)" : "\(t.hour)"
        let mm = t.minute < 10 ? "0\(t.minute)" : "\(t.minute)"
        return "\(hh):\(mm)"
    }
}
