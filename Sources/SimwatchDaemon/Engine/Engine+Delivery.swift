import FoundationEssentials
import Logging
import SimwatchCore
import SimwatchStore

extension Engine {
    /// Starts a delivery worker for every channel that has due reminders and none running. Workers run beside the
    /// run loop, one per channel, so a slow or failing channel never holds up the others (nor polling).
    ///
    /// While the state database refuses writes, nothing starts before the back-off ends, and outcomes not yet
    /// written are written first: a delivery that cannot be recorded is not repeated every few seconds.
    func deliverDue(now: Date) {
        if storeBackingOff(now: now) { return }
        guard flushUnrecorded(now: now) else { return }
        let names: [String]
        do {
            names = try store.channelsWithDueReminders(now: now)
        } catch {
            logger.error("cannot read the outbox: \(error)")
            return
        }
        for name in names where deliveries[name] == nil {
            deliveries[name] = Task { await self.deliverChannel(name, now: now) }
        }
    }

    /// Hands the channel's due reminders to it one at a time, oldest first, recording each outcome at once.
    private func deliverChannel(_ name: String, now: Date) async {
        defer {
            deliveries[name] = nil
            onChange?()
        }
        let due: [OutboxItem]
        do {
            due = try store.dueReminders(now: now, channel: name, limit: 50)
        } catch {
            logger.error("cannot read the outbox: \(error)")
            return
        }
        let policy = DeliveryPolicy(config.channels.first { $0.name == name }, random: random)
        for item in due {
            let failure: DeliveryError?
            if disabledChannels.contains(name) {
                failure = DeliveryError(.gone, "channel `\(name)` is disabled (its endpoint is gone) until a reload")
            } else if let channel = channels[name] {
                failure = await AttemptTimeout.run(channel, item.reminder, seconds: policy.backstop)
            } else {
                failure = DeliveryError(.misconfigured, "channel `\(name)` is not configured")
            }
            let outcome = policy.outcome(of: item, failure: failure, channelExists: channels[name] != nil, now: now)
            report(item, outcome, failure: failure, now: now)
            do {
                try store.record([outcome])
                storeSucceeded(now: now)
            } catch {
                // Kept until it can be written; no other reminder of this channel goes out before that.
                unrecorded.append(outcome)
                storeFailed(error, doing: "recording a delivery", now: now)
                return
            }
            if failure?.code == .gone, !disabledChannels.contains(name), channels[name] != nil {
                disabledChannels.insert(name)
                logger.warning(
                    "channel \(name) disabled: its endpoint answered 410 Gone; fix its url and reload to enable it",
                    metadata: ["channel": .string(name)]
                )
            }
            // Stopping: do not spend the stop timeout on a channel that is failing.
            if stopping, failure != nil { return }
        }
    }

    private func report(_ item: OutboxItem, _ outcome: DeliveryOutcome, failure: DeliveryError?, now: Date) {
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
            EngineEvent(
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

    /// Rolls old readings up at most every six hours of (possibly simulated) time.
    func compactIfDue(now: Date) {
        if let last = lastCompaction, now.timeIntervalSince(last) < 6 * 3600 { return }
        lastCompaction = now
        do {
            let report = try store.compact(now: now, keepRaw: config.daemon.keepRawReadings.timeInterval)
            if report.rawRemoved > 0 {
                logger.debug("rolled up \(report.rawRemoved) old readings")
            }
        } catch {
            logger.error("compaction failed: \(error)")
        }
    }
}
