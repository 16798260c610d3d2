import FoundationEssentials
import Logging
import SimwatchConfig
import SimwatchCore
import SimwatchStore

extension OutboxDispatcher {
    /// Hands the channel's due reminders to it one at a time, oldest first, recording each outcome at once.
    func work(_ name: String, now: Date) async {
        defer {
            workers[name] = nil
            wakeup.poke()
        }
        let policy = DeliveryPolicy(running.config.channels.first { $0.name == name }, random: random)
        for item in await ledger.dueReminders(channel: name, now: now) {
            let failure: DeliveryError?
            if disabled.contains(name) {
                failure = DeliveryError(.gone, "channel `\(name)` is disabled (its endpoint is gone) until a reload")
            } else if let channel = channels[name] {
                failure = await attempt(channel, item.reminder, seconds: policy.backstop)
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
        }
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
        let result = outcome.error == nil ? "delivered" : (outcome.retryAt == nil ? "dead" : "failed")
        if let failure {
            let attempts = item.attempts + 1
            let metadata: Logger.Metadata = [
                "notification_id": .string(reminder.id), "channel": .string(reminder.channel),
            ]
            if outcome.retryAt == nil {
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
