import FoundationEssentials
import Logging
import SimwatchCore
import SimwatchStore

extension Engine {
    /// Gives up on a reminder this long after it was created; it stays in the outbox as dead and is logged.
    static let deliveryGiveUp: Double = 86_400

    /// Hands every due reminder to its channel and records the outcomes in one transaction.
    func deliverDue(now: Date) async {
        let due: [OutboxItem]
        do {
            due = try store.dueReminders(now: now)
        } catch {
            logger.error("cannot read the outbox: \(error)")
            return
        }
        guard !due.isEmpty else { return }
        var outcomes: [DeliveryOutcome] = []
        for item in due {
            let reminder = item.reminder
            guard let channel = channels[reminder.channel] else {
                outcomes.append(
                    DeliveryOutcome(id: reminder.id, at: now, error: "channel `\(reminder.channel)` is not configured")
                )
                logger.error("reminder \(reminder.id) dropped: channel `\(reminder.channel)` is not configured")
                continue
            }
            do {
                try await channel.deliver(reminder)
                outcomes.append(DeliveryOutcome(id: reminder.id, at: now))
            } catch {
                let attempts = item.attempts + 1
                let age = now.timeIntervalSince(reminder.createdAt)
                let retryAt =
                    age < Self.deliveryGiveUp
                    ? now.addingTimeInterval(min(30 * Double(1 << min(attempts, 7)), 3600)) : nil
                outcomes.append(DeliveryOutcome(id: reminder.id, at: now, error: "\(error)", retryAt: retryAt))
                if retryAt == nil {
                    logger.error(
                        "reminder \(reminder.id) via \(reminder.channel) given up after \(attempts) attempts: \(error)"
                    )
                } else {
                    logger.warning(
                        "reminder \(reminder.id) via \(reminder.channel) failed (attempt \(attempts)): \(error)"
                    )
                }
            }
        }
        do {
            try store.record(outcomes)
        } catch {
            logger.error("cannot record deliveries: \(error)")
            return
        }
        for (item, outcome) in zip(due, outcomes) {
            let reminder = item.reminder
            let result = outcome.error == nil ? "delivered" : (outcome.retryAt == nil ? "dead" : "failed")
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
