import FoundationEssentials
import SimwatchConfig
import SimwatchControl
import SimwatchCore
import SimwatchStore

extension ControlService {
    func status(now: Date, wire: WireFormat) async -> GetStatus.Reply {
        let queries = simwatch.queries
        let snapshot = simwatch.running.snapshot
        let config = snapshot.config
        let firing = queries.firingAlerts(limit: GetStatus.maxFiring)
        let counts = queries.outboxCounts()
        let last = await queries.lastPoll()
        let trouble = await queries.storeTrouble()
        return GetStatus.Reply(
            now: wire.time(now),
            version: SimwatchVersion.current,
            startedAt: wire.time(info.startedAt),
            uptimeSeconds: Int64(max(0, Date().timeIntervalSince(info.startedAt))),
            configPath: info.configPath,
            stateDir: info.stateDirectory,
            timeZone: config.daemon.timeZone.identifier,
            lines: config.lines.count,
            firing: wire.alerts(firing.alerts, lines: snapshot),
            firingTotal: firing.total,
            lastPoll: last.map { LastPoll(line: $0.line, at: wire.time($0.at), ok: $0.ok) },
            pendingReminders: counts.pending,
            deadReminders: counts.dead,
            storage: trouble.map {
                StorageProblem(
                    since: wire.time($0.since),
                    failures: $0.failures,
                    error: $0.error,
                    retryAt: wire.time($0.retryAt)
                )
            },
            stateTransactions: simwatch.ledger.store.transactions
        )
    }

    /// One page of lines (`ListLines`).
    func lines(_ p: ListLines.Parameters, now: Date, wire: WireFormat) async throws -> ListLines.Reply {
        let limit = p.limit ?? ListLines.defaultLimit
        guard (1...ListLines.maxLimit).contains(limit) else {
            throw ControlError.invalidArgument("limit", "must be 1...\(ListLines.maxLimit)")
        }
        guard let page = await simwatch.queries.lineStates(after: p.after, limit: limit, now: now) else {
            throw ControlError.invalidArgument(
                "after",
                "no line `\(p.after ?? "")` (a reload may have removed it): start again without after"
            )
        }
        return ListLines.Reply(
            now: wire.time(now),
            lines: page.states.map { wire.summary($0) },
            nextAfter: page.more ? page.states.last?.line.id : nil
        )
    }

    func detail(_ id: String, now: Date, wire: WireFormat) async throws -> LineDetail {
        let state = try await simwatch.queries.lineState(id, now: now)
        let forecast = try await simwatch.queries.forecast(of: id, now: now)
        let history = try simwatch.queries.alertHistory(of: id)
        let lastRenewal = try simwatch.queries.renewals(line: id, since: nil).last
        let guide = state.line.renew
        return LineDetail(
            summary: wire.summary(state),
            channels: state.line.channels,
            rules: state.line.rules.map {
                RuleInfo(
                    id: $0.id,
                    kind: $0.kind.name,
                    severity: $0.severity.rawValue,
                    repeat: $0.repeatPolicy.description
                )
            },
            alerts: state.alerts.compactMap { alert in
                state.line.rules.first { $0.id == alert.ruleID }.map { wire.alert(alert, rule: $0) }
            },
            forecast: ForecastInfo(
                paceBytesPerDay: forecast.pacePerDay?.bytes,
                runsOutAt: forecast.runsOutAt.map(wire.time),
                dailyAllowanceBytes: forecast.dailyAllowance?.bytes
            ),
            history: history.map {
                HistoryEntry(
                    at: wire.time($0.at),
                    rule: $0.ruleID,
                    event: $0.event,
                    episode: $0.episode,
                    occurrence: $0.occurrence,
                    summary: $0.summary
                )
            },
            renew: guide.isEmpty
                ? nil
                : RenewInfo(
                    fields: Dictionary(uniqueKeysWithValues: guide.fields),
                    sentence: guide.sentence,
                    openURL: guide.openURL?.text
                ),
            lastRenewal: lastRenewal.map { wire.renewal($0, receipts: receipts.directory, now: now) }
        )
    }

    func history(_ p: GetHistory.Parameters, now: Date, wire: WireFormat) async throws -> GetHistory.Reply {
        let until = try p.until.map { text throws(ControlError) in try wire.date(text, parameter: "until") } ?? now
        let since =
            try p.since.map { text throws(ControlError) in try wire.date(text, parameter: "since") }
            ?? until - .days(7)
        guard since < until else { throw ControlError.invalidArgument("since", "must be before until") }
        let maxPoints = p.maxPoints ?? 200
        guard (1...10_000).contains(maxPoints) else {
            throw ControlError.invalidArgument("max_points", "must be 1...10000")
        }
        let samples = try simwatch.queries.history(of: p.line, since: since, until: until, maxPoints: maxPoints)
        return GetHistory.Reply(
            points: samples.map {
                HistoryPoint(at: wire.time($0.at), remainingBytes: $0.remaining, resolution: $0.resolution)
            }
        )
    }

    func outbox(_ p: ListOutbox.Parameters, now: Date, wire: WireFormat) async throws -> ListOutbox.Reply {
        var state: OutboxItem.State?
        if let text = p.state {
            guard let parsed = OutboxItem.State(rawValue: text) else {
                throw ControlError.invalidArgument("state", "must be pending, sent, dead, cancelled or superseded")
            }
            state = parsed
        }
        let limit = p.limit ?? 50
        guard (1...1000).contains(limit) else { throw ControlError.invalidArgument("limit", "must be 1...1000") }
        let items = simwatch.queries.outbox(state: state, channel: p.channel, limit: limit)
        return ListOutbox.Reply(
            now: wire.time(now),
            reminders: items.map { item in
                let r = item.reminder
                return OutboxEntry(
                    id: r.id,
                    channel: r.channel,
                    line: r.lineID,
                    rule: r.ruleID,
                    kind: r.kind.rawValue,
                    event: r.event,
                    severity: r.severity.rawValue,
                    state: item.state.rawValue,
                    attempts: item.attempts,
                    createdAt: wire.time(r.createdAt),
                    nextAttemptAt: item.state == .pending ? wire.time(item.nextAttempt) : nil,
                    sentAt: item.sentAt.map(wire.time),
                    lastError: item.lastError,
                    summary: r.summary
                )
            }
        )
    }
}
