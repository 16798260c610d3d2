public import FoundationEssentials
import SimwatchConfig
import SimwatchCore
import SimwatchStore

extension ControlActions {
    /// Sends a test reminder straight through a channel (not through the outbox) and returns its id.
    public func testNotification(
        channel name: String,
        line id: String?,
        now: Date
    ) async throws(RequestError)
        -> String
    {
        let names = await outbox.channelNames()
        guard names.contains(name) else { throw .noSuchChannel(name, known: names) }
        var line: Line?
        if let id { line = try self.line(id) }
        let config = running.config
        let lineID = line?.id ?? "simwatch"
        let isEmail = config.channels.first { $0.name == name }?.kind.sendsMail == true
        let reading = line.flatMap { (try? ledger.store.readings.latest(line: $0.id)) ?? nil }
        let language = running.snapshot.assessment.language(of: line, through: name)
        let text = ReminderComposer(zone: config.daemon.timeZone, language: language)
            .composeTestNotice(name: line?.name ?? "simwatch", channel: name, now: now)
        let reminder = Reminder(
            id: "\(lineID)/+test/\(Int64(now.timeIntervalSince1970))/1/\(name)",
            channel: name,
            kind: .test,
            event: "test",
            severity: .info,
            lineID: lineID,
            lineName: line?.name ?? "simwatch",
            ruleID: nil,
            episode: 0,
            occurrence: 1,
            stage: nil,
            summary: text.summary,
            details: text.details,
            remaining: reading?.effectiveRemaining,
            total: reading?.total,
            expiresAt: reading?.expiresAt,
            runsOutAt: nil,
            createdAt: now,
            notBefore: now,
            timeZone: config.daemon.timeZone.identifier,
            credit: reading?.credit,
            observedAt: reading?.observedAt,
            source: reading?.source,
            recipients: isEmail ? line?.email?.recipients(for: name)?.map(\.description) : nil,
            renew: line.flatMap { $0.renew.isEmpty ? nil : $0.renew },
            language: language
        )
        try await outbox.test(reminder, channel: name)
        events.publish(
            WatchEvent(
                kind: .delivery,
                at: now,
                lineID: lineID,
                event: "delivered",
                summary: reminder.summary,
                notificationID: reminder.id,
                channel: name
            )
        )
        return reminder.id
    }
}
