import FoundationEssentials
import Logging
import SimwatchConfig
import SimwatchCore
import SimwatchStore

/// Changes other than a poll's judgement: entries by hand, snoozes, clock steps, compaction, and the outbox's side
/// of deliveries.
extension Ledger {
    /// A manual line's turn: nothing is read. When the line allows it and there is a pace to go on, what is probably
    /// left now (`ManualEstimate`); the stale rule keeps counting from the last entry.
    func estimate(_ line: Line, now: Date) -> Reading? {
        commitGroup(ifHolding: line.id)
        return ManualEstimate.reading(
            line: line,
            record: book.records[line.id] ?? LineRecord(lineID: line.id, firstSeen: now),
            entry: (try? store.readings.latestObserved(line: line.id)) ?? nil,
            recent: recentReadings(of: line.id, now: now),
            now: now,
            zone: running.config.daemon.timeZone
        )
    }

    /// A reading entered by hand, completed from what is known (the quota and expiry it does not give).
    func completed(_ input: Reading, line id: String, now: Date) -> Reading {
        commitGroup(ifHolding: id)
        var reading = input
        reading.lineID = id
        reading.observedAt = now
        reading.source = "manual"
        if reading.total == nil { reading.total = book.latest[id]?.total ?? book.records[id]?.period?.quota }
        if reading.expiresAt == nil {
            reading.expiresAt = book.latest[id]?.expiresAt ?? book.records[id]?.period?.expiresAt
        }
        return reading
    }

    /// A renewal or top-up recorded by hand: a new plan period from now, judged at once (which ends data and expiry
    /// alerts and sends the "renewed" notice).
    func renew(
        _ line: Line,
        data: ByteCount?,
        unlimited: Bool,
        validFor: TimeSpan?,
        expires: Date?,
        entry: RenewalEntry,
        now: Date
    ) throws(RequestError) -> (PlanPeriod, AssessmentOutcome) {
        var record = book.records[line.id] ?? LineRecord(lineID: line.id, firstSeen: now)
        let current = period(of: line, record: record, now: now)
        let start = entry.renewedAt
        var expiresAt = expires ?? validFor.map { start + $0 }
        if expiresAt == nil, case .validFor(let span)? = line.plan.validity { expiresAt = start + span }
        if expiresAt == nil, case .monthly? = line.plan.validity { expiresAt = current.expiresAt }
        guard data != nil || unlimited || expiresAt != nil else {
            throw .invalid(parameter: "data_bytes", reason: "give the new data, validity or expiry")
        }
        let renewed = PlanPeriod(startedAt: start, quota: unlimited ? nil : data ?? current.quota, expiresAt: expiresAt)
        record.period = renewed
        record.periodOrigin = "renewal"
        record.renewedAt = now
        var entry = entry
        entry.expiresAt = expiresAt
        entry.data = renewed.quota
        // The commit's own answer, not the record in memory: an older renewal leaves that saying "renewal" too.
        guard case .committed(let outcome) = judge(line, trigger: .renewal(entry), now: now, record: record) else {
            throw .invalid(parameter: "line", reason: "the renewal could not be saved: \(health.lastError)")
        }
        return (renewed, outcome)
    }

    /// Completes ledger entry `sequence` of `line`: each non-nil part replaces what it had.
    func editRenewal(
        line: String,
        sequence: Int,
        offer: String?,
        price: Money?,
        order: String?,
        note: String?,
        receipt: Receipt?
    ) throws(RequestError) -> RenewalEntry {
        let found: RenewalEntry?
        do { found = try store.renewals.entry(line: line, sequence: sequence) } catch {
            throw .invalid(parameter: "id", reason: "the ledger could not be read: \(error)")
        }
        guard var entry = found else {
            throw .invalid(parameter: "id", reason: "no renewal \(line)/\(sequence); `simwatchctl renewals` lists them")
        }
        if let offer { entry.offer = offer }
        if let price { entry.price = price }
        if let order { entry.order = order }
        if let note { entry.note = note }
        if let receipt { entry.receipt = receipt }
        do { try store.renewals.complete(entry) } catch {
            throw .invalid(parameter: "id", reason: "the entry could not be saved: \(error)")
        }
        return entry
    }

    /// Holds back reminders of one rule (or all rules) of a line until `until` (nil: ends the snooze, and a reminder
    /// that fell due during it goes out at once). Returns the changed alerts and the line's next reminder.
    func snooze(
        _ line: Line,
        rule: String?,
        until: Date?,
        now: Date
    ) throws(RequestError) -> (alerts: [AlertState], nextReminder: Date?) {
        var batch = StoreBatch()
        var changed: [AlertState] = []
        let zone = running.config.daemon.timeZone
        for r in line.rules where rule == nil || r.id == rule {
            var state = book.alerts[LineBook.key(line.id, r.id)] ?? AlertState(lineID: line.id, ruleID: r.id)
            let heldUntil = state.snoozedUntil
            state.snoozedUntil = until
            // A reminder held back by the snooze waits for its end; ending the snooze early sends it now.
            if until == nil, var firing = state.firing, let held = heldUntil, firing.nextReminderAt == held {
                firing.nextReminderAt = now
                state.phase = .firing(firing)
            }
            changed.append(state)
            batch.log.append(
                AlertLogEntry(
                    lineID: line.id,
                    ruleID: r.id,
                    episode: state.episode,
                    event: until == nil ? "unsnoozed" : "snoozed",
                    stage: nil,
                    occurrence: state.firing?.occurrence ?? 0,
                    at: now,
                    summary: until.map { "snoozed until \(zone.localDateTime($0).humanDescription)" } ?? "snooze ended"
                )
            )
        }
        batch.alerts = changed
        do {
            try commitNow(batch)
        } catch {
            throw .invalid(parameter: "line", reason: "could not save: \(error)")
        }
        for state in changed { book.alerts[LineBook.key(line.id, state.ruleID)] = state }
        return (changed, book.nextReminder(of: line))
    }

    /// The wall clock stepped back by `step`: held reminders, the outbox and the database's back-off move back with
    /// it, so what was due after a real wait is due after the same wait from the new time.
    func moveBack(by step: TimeInterval, now: Date) {
        if var trouble = health.trouble {
            trouble.retryAt = max(now, trouble.retryAt - step)
            health.trouble = trouble
        }
        var batch = StoreBatch()
        for (key, state) in book.alerts {
            guard case .firing(var firing) = state.phase, let due = firing.nextReminderAt, due > now else { continue }
            firing.nextReminderAt = max(now, due - step)
            var moved = state
            moved.phase = .firing(firing)
            if let until = moved.snoozedUntil, until > now { moved.snoozedUntil = max(now, until - step) }
            book.alerts[key] = moved
            batch.alerts.append(moved)
        }
        do {
            try commitNow(batch)
            try store.outbox.movePending(back: step, after: now)
        } catch {
            // The schedule in memory moved anyway; the outbox keeps its times and is late by the step at worst.
            health.failed(error, doing: "moving the schedule back", now: now, logger: logger)
        }
    }

    /// Rolls old readings up (the compactor's turn).
    func compact(now: Date) {
        guard !health.backingOff(now: now) else { return }
        do {
            let report = try store.retention.compact(
                now: now,
                keepRaw: running.config.daemon.keepRawReadings.timeInterval
            )
            if report.rawRemoved > 0 { logger.debug("rolled up \(report.rawRemoved) old readings") }
        } catch {
            logger.error("compaction failed: \(error)")
        }
    }

    // MARK: The outbox's side of deliveries

    /// When the outbox next has a reminder due for a channel without a worker. While the database refuses writes,
    /// nothing is due before the back-off ends (outcomes waiting to be written are written then).
    func nextDelivery(excluding busy: Set<String>) -> Date? {
        let next = (try? store.outbox.nextDue(excludingChannels: busy)) ?? nil
        guard let trouble = health.trouble else { return next }
        if !health.unrecorded.isEmpty { return trouble.retryAt }
        return next.map { max($0, trouble.retryAt) }
    }

    /// The channels with reminders due, once outcomes not yet written are written: none while the database refuses
    /// writes, so a delivery that cannot be recorded is not repeated every few seconds.
    func channelsDue(now: Date) -> [String] {
        guard !health.backingOff(now: now), flushUnrecorded(now: now) else { return [] }
        do {
            return try store.outbox.channelsDue(now: now)
        } catch {
            logger.error("cannot read the outbox: \(error)")
            return []
        }
    }

    func dueReminders(channel: String, now: Date) -> [OutboxItem] {
        do {
            return try store.outbox.due(now: now, channel: channel, limit: 50)
        } catch {
            logger.error("cannot read the outbox: \(error)")
            return []
        }
    }

    /// Writes a delivery's outcome; when the database refuses, keeps it to write later and says false (the channel's
    /// worker stops until then).
    func recordDelivery(_ outcome: DeliveryOutcome, now: Date) -> Bool {
        do {
            try store.outbox.record([outcome])
            health.succeeded(now: now, logger: logger)
            return true
        } catch {
            health.unrecorded.append(outcome)
            health.failed(error, doing: "recording a delivery", now: now, logger: logger)
            return false
        }
    }

    /// Marks reminders superseded by a newer one of the same alert; false when the database refused.
    func supersede(_ replaced: [(id: String, by: String)], now: Date) -> Bool {
        do {
            try store.outbox.supersede(replaced, now: now)
            return true
        } catch {
            health.failed(error, doing: "marking superseded reminders", now: now, logger: logger)
            return false
        }
    }

    /// Reminders not tried because their channel just found no network: they wait for it with the one that did.
    func holdForNetwork(_ ids: [String], until retryAt: Date, now: Date) {
        guard !ids.isEmpty else { return }
        do {
            try store.outbox.holdForNetwork(ids, until: retryAt)
        } catch {
            health.failed(error, doing: "holding reminders for the network", now: now, logger: logger)
        }
    }

    /// The network is back: reminders waiting for it are due now. Returns how many.
    @discardableResult
    func networkBack(now: Date) -> Int {
        do {
            return try store.outbox.retryOffline(now: now)
        } catch {
            logger.error("cannot read the outbox: \(error)")
            return 0
        }
    }

    /// Writes delivery outcomes that could not be recorded when they happened. Returns whether nothing is left.
    @discardableResult
    func flushUnrecorded(now: Date) -> Bool {
        guard !health.unrecorded.isEmpty else { return true }
        do {
            try store.outbox.record(health.unrecorded)
            health.unrecorded = []
            health.succeeded(now: now, logger: logger)
            return true
        } catch {
            health.failed(error, doing: "recording deliveries", now: now, logger: logger)
            return false
        }
    }
}
