import FoundationEssentials
import Logging
import SimwatchConfig
import SimwatchCore
import SimwatchStore

extension OutboxDispatcher {
    /// Hands the channel's due reminders to it one at a time, recording each outcome at once: of each alert only its
    /// latest reminder (the others are marked superseded and logged), most severe first (`OutboxBacklog`).
    func work(_ name: String, now: Date) async {
        defer {
            workers[name] = nil
            wakeup.poke()
        }
        let policy = DeliveryPolicy(running.config.channels.first { $0.name == name }, random: random)
        let backlog = OutboxBacklog(await ledger.dueReminders(channel: name, now: now))
        guard await supersede(backlog.superseded, now: now) else { return }
        for (index, item) in backlog.send.enumerated() {
            let failure: DeliveryError?
            if disabled.contains(name) {
                failure = DeliveryError(.gone, "channel `\(name)` is disabled (its endpoint is gone) until a reload")
            } else if let channel = channels[name] {
                failure = await attempt(channel, delivered(item.reminder, now: now), seconds: policy.backstop)
            } else {
                failure = DeliveryError(.misconfigured, "channel `\(name)` is not configured")
            }
            let outcome = policy.outcome(of: item, failure: failure, channelExists: channels[name] != nil, now: now)
            report(item, outcome, failure: failure, now: now)
            // Not written: kept until it can be; no other reminder of this channel goes out before that.
            guard await ledger.recordDelivery(outcome, now: now) else { return }
            if failure?.code == .gone, !disabled.contains(name), channels[name] != nil {
                disabled.insert(name)
                logger.warning(
                    "channel \(name) disabled: its endpoint answered 410 Gone; fix its url and reload to enable it",
                    metadata: ["channel": .string(name)]
                )
            }
            // Stopping: do not spend the stop timeout on a channel that is failing.
            if stopping, failure != nil { return }
            // No network: the rest of the backlog waits for it too, tried again with this one.
            if outcome.offline, let retryAt = outcome.retryAt {
                let rest = backlog.send.dropFirst(index + 1).map(\.reminder.id)
                await ledger.holdForNetwork(rest, until: retryAt, now: now)
                return
            }
        }
    }

    /// Marks and logs the reminders a newer one of the same alert replaces; false when that could not be written
    /// (nothing is sent before it is, so a superseded reminder is never delivered after its successor).
    func supersede(_ replaced: [OutboxBacklog.Replaced], now: Date) async -> Bool {
        guard !replaced.isEmpty else { return true }
        guard await ledger.supersede(replaced.map { ($0.item.reminder.id, $0.by.reminder.id) }, now: now) else {
            return false
        }
        for r in replaced {
            let what = "reminder \(r.item.reminder.id) via \(r.item.reminder.channel)"
            logger.notice(
                "\(what) superseded by \(r.by.reminder.id) (a newer reminder of the same alert); not sent",
                metadata: ["notification_id": .string(r.item.reminder.id), "channel": .string(r.item.reminder.channel)]
            )
            events.publish(
                WatchEvent(
                    kind: .delivery,
                    at: now,
                    lineID: r.item.reminder.lineID,
                    ruleID: r.item.reminder.ruleID,
                    event: "superseded",
                    summary: "superseded by \(r.by.reminder.id)",
                    notificationID: r.item.reminder.id,
                    channel: r.item.reminder.channel
                )
            )
        }
        return true
    }

    /// The reminder as handed to its channel: saying how old its reading is and when it was raised, if long ago.
    func delivered(_ reminder: Reminder, now: Date) -> Reminder {
        guard
            reminder.isLate(at: now)
                || reminder.observedAt.map({ now.timeIntervalSince($0) > Reminder.staleReadingAfter }) == true
        else { return reminder }
        let zone = (try? ZoneInfo(identifier: reminder.timeZone)) ?? running.config.daemon.timeZone
        return reminder.asDelivered(at: now, zone: zone)
    }

    /// One delivery attempt, bounded by the clock (`Deadline`: a channel that ignores cancellation is abandoned).
    func attempt(_ channel: any NotificationChannel, _ reminder: Reminder, seconds: Double) async -> DeliveryError? {
        let answer = await Deadline.run(seconds: seconds, on: clock) { () -> DeliveryError? in
            do {
                try await channel.deliver(reminder)
                return nil
            } catch let error as DeliveryError {
                return error
            } catch {
                return DeliveryError(.temporary, "\(error)")
            }
        }
        return answer ?? DeliveryError(.timeout, "no answer within \(Plausible.integer(seconds.rounded()) ?? 0) s")
    }

    /// Sends a reminder straight through a channel, not through the outbox (`simwatchctl test-notify`).
    func test(_ reminder: Reminder, channel name: String) async throws(RequestError) {
        guard let channel = channels[name] else { throw .noSuchChannel(name, known: channels.keys.sorted()) }
        let policy = DeliveryPolicy(running.config.channels.first { $0.name == name }, random: random)
        if let failure = await attempt(channel, reminder, seconds: policy.backstop) {
            throw .deliveryFailed(channel: name, reason: failure.description)
        }
    }

    func channelNames() -> [String] { channels.keys.sorted() }

    func report(_ item: OutboxItem, _ outcome: DeliveryOutcome, failure: DeliveryError?, now: Date) {
        let reminder = item.reminder
        let result =
            outcome.error == nil
            ? "delivered" : outcome.offline ? "offline" : (outcome.retryAt == nil ? "dead" : "failed")
        if let failure {
            let attempts = item.attempts + 1
            let metadata: Logger.Metadata = [
                "notification_id": .string(reminder.id), "channel": .string(reminder.channel),
            ]
            if outcome.offline {
                logger.info(
                    "reminder \(reminder.id) via \(reminder.channel) waits for the network (attempt \(attempts)): \(failure)",
                    metadata: metadata
                )
            } else if outcome.retryAt == nil {
                logger.error(
                    "reminder \(reminder.id) via \(reminder.channel) given up after \(attempts) attempt\(attempts == 1 ? "" : "s"): \(failure)",
                    metadata: metadata
                )
            } else {
                logger.warning(
                    "reminder \(reminder.id) via \(reminder.channel) failed (attempt \(attempts)): \(failure)",
                    metadata: metadata
                )
            }
        }
        events.publish(
            WatchEvent(
                kind: .delivery,
                at: now,
                lineID: reminder.lineID,
                ruleID: reminder.ruleID,
                event: result,
                summary: outcome.error ?? reminder.summary,
                notificationID: reminder.id,
                channel: reminder.channel
            )
        )
    }
}
