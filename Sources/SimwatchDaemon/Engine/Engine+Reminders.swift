import FoundationEssentials
import SimwatchCore

extension Engine {
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
        let ruleKind = rule.flatMap { id in line.rules.first { $0.id == id }?.kind.name }
        let emailChannels = Set(config.channels.filter { $0.kind.type == "email" }.map(\.name))
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
                timeZone: config.daemon.timeZone.identifier,
                ruleKind: ruleKind,
                pacePerDay: forecast.pacePerDay,
                dailyAllowance: forecast.dailyAllowance,
                credit: snapshot.latest?.credit,
                observedAt: snapshot.latest?.observedAt,
                source: snapshot.latest?.source,
                recipients: emailChannels.contains(channel)
                    ? line.email?.recipients(for: channel)?.map(\.description) : nil
            )
        }
    }
}
