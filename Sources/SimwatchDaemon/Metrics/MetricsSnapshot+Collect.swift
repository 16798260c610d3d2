import FoundationEssentials
import SimwatchCore
import SimwatchStore

extension MetricsSnapshot {
    /// Gathers the figures: the lines' state and firing alerts from the read side, the outbox's pending counts by
    /// channel (one indexed query), the delivery counters from memory.
    static func collect(queries: Queries, stats: DeliveryStats, channels: [String], now: Date) async -> MetricsSnapshot
    {
        let states = await queries.lineStates(now: now)
        let lines = states.map { state in
            LineFigures(
                id: state.line.id,
                remainingBytes: state.latest?.effectiveRemaining?.bytes,
                quotaBytes: (state.latest?.total ?? state.period?.quota)?.bytes,
                expiresAt: state.latest?.expiresAt ?? state.period?.expiresAt,
                lastSuccessAt: state.record?.lastSuccess,
                failures: state.record?.failures ?? 0
            )
        }
        var firing: [FiringAlert] = []
        for state in states {
            for alert in state.alerts where alert.isFiring {
                guard let rule = state.line.rules.first(where: { $0.id == alert.ruleID }) else { continue }
                firing.append(FiringAlert(line: state.line.id, rule: rule.id, severity: rule.severity.rawValue))
            }
        }
        let pending = queries.pendingByChannel()
        let counted = stats.snapshot
        let names = Set(channels).union(pending.keys).union(counted.keys).sorted()
        let figures = names.map { name in
            let c = counted[name] ?? DeliveryStats.Channel()
            return ChannelFigures(
                name: name,
                pending: pending[name] ?? 0,
                deliveries: c.deliveries,
                failures: c.failures,
                durations: c.durations
            )
        }
        var snapshot = MetricsSnapshot(
            version: SimwatchVersion.current,
            lines: lines,
            firing: firing,
            channels: figures
        )
        snapshot.transactions = queries.ledger.store.transactions
        return snapshot
    }
}
