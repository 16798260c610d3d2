import FoundationEssentials
import Logging
import SimwatchCore
import SimwatchStore

extension Engine {
    /// Before this instant (2024-01-01T00:00:00Z) the wall clock is taken as not set: a board without a real-time
    /// clock boots in 1970 until NTP answers, and a plan first seen then would have ended decades ago.
    static let earliestPlausibleTime = Date(timeIntervalSince1970: 1_704_067_200)

    /// How far the wall clock may go back between two runs before the schedules are moved back with it.
    static let stepTolerance: TimeInterval = 120

    /// Refuses work that would date a plan or a reading while the clock is not set.
    func requireClock(_ now: Date) throws(EngineError) {
        guard clockIsSet(now) else {
            throw .invalid(parameter: "clock", reason: "the system clock is not set yet (it is before 2024)")
        }
    }

    /// Whether `now` can be trusted to date plans and readings. Says so in the journal once per wait.
    func clockIsSet(_ now: Date) -> Bool {
        if now >= Self.earliestPlausibleTime {
            if clockUnsetLogged {
                clockUnsetLogged = false
                logger.notice("the system clock is set now (\(now.iso8601(in: config.daemon.timeZone))); starting")
            }
            return true
        }
        if !clockUnsetLogged {
            clockUnsetLogged = true
            logger.warning(
                "the system clock says \(now.iso8601(in: .utc)), before 2024: waiting for it to be set (NTP) before polling"
            )
        }
        return false
    }

    /// The wall clock stepped back (an NTP correction, a hand-set date): what was due after a real wait is due
    /// after the same wait from the new time, so polls, repeats, held reminders and the state database's back-off
    /// are not put off by the step.
    func clockWentBack(from last: Date, to now: Date) {
        let step = last.timeIntervalSince(now)
        logger.notice("the system clock went back by \(TimeSpan(seconds: Int64(step))); moving the schedule back")
        for line in config.lines {
            if let due = polls.due(of: line.id) { polls.schedule(line.id, at: max(now, due - step)) }
            if let due = reminders.due(of: line.id) { reminders.schedule(line.id, at: max(now, due - step)) }
        }
        if var trouble = storeTrouble {
            trouble.retryAt = max(now, trouble.retryAt - step)
            storeTrouble = trouble
        }
        var batch = StoreBatch()
        for (key, state) in alerts {
            guard case .firing(var firing) = state.phase, let due = firing.nextReminderAt, due > now else { continue }
            firing.nextReminderAt = max(now, due - step)
            var moved = state
            moved.phase = .firing(firing)
            if let until = moved.snoozedUntil, until > now { moved.snoozedUntil = max(now, until - step) }
            alerts[key] = moved
            batch.alerts.append(moved)
        }
        do {
            try store.commit(batch)
            try store.movePending(back: step, after: now)
        } catch {
            // The schedule in memory moved anyway; the outbox keeps its times and is late by the step at worst.
            storeFailed(error, doing: "moving the schedule back", now: now)
        }
    }
}
