public import FoundationEssentials
import SimwatchConfig
public import SimwatchCore

/// What the control API changes: a reading or a renewal entered by hand, a snooze, a poll on request, a test
/// reminder. Each checks its input, has the ledger decide and commit, and tells the schedulers what came of it.
public struct ControlActions: Sendable {
    let running: RunningConfig
    let ledger: Ledger
    let polls: PollScheduler
    let repeats: RepeatScheduler
    let outbox: OutboxDispatcher
    let events: EventHub

    func line(_ id: String) throws(RequestError) -> Line {
        guard let line = running.line(id) else { throw .noSuchLine(id) }
        return line
    }

    /// Refuses work that would date a plan or a reading while the clock is not set.
    func requireClock(_ now: Date) throws(RequestError) {
        guard ClockWatch.isSet(now) else {
            throw .invalid(parameter: "clock", reason: "the system clock is not set yet (it is before 2024)")
        }
    }

    /// A reading entered by hand (source "manual"), judged like a poll's.
    public func record(_ id: String, reading input: Reading, now: Date) async throws(RequestError) -> Reading {
        let line = try line(id)
        try requireClock(now)
        guard
            input.remaining != nil || input.used != nil || input.total != nil || input.credit != nil
                || input.expiresAt != nil
        else { throw .invalid(parameter: "remaining_bytes", reason: "give at least one figure") }
        for (name, value) in [
            ("remaining_bytes", input.remaining), ("used_bytes", input.used), ("total_bytes", input.total),
        ] {
            if let value, value.bytes < 0 { throw .invalid(parameter: name, reason: "must not be negative") }
        }
        let reading = await ledger.completed(input, line: id, now: now)
        switch await ledger.judge(line, trigger: .poll(.success(reading), attemptRecorded: false), now: now) {
        case .committed(let outcome):
            await settled(line.id, outcome)
        case .refused:
            throw .invalid(parameter: "line", reason: "the reading could not be saved: \(await ledger.lastError)")
        }
        events.publish(WatchEvent(kind: .reading, at: now, lineID: id, summary: "recorded by hand", reading: reading))
        return reading
    }

    /// A renewal or top-up recorded by hand: a new plan period from when it was made (now, or `at`), from an offer
    /// or given explicitly, with its price, order, receipt and note in the ledger. Ends data and expiry alerts,
    /// sends the "renewed" notice, and reads the line again at once.
    public func renew(
        _ id: String,
        _ request: RenewalRequest,
        now: Date
    ) async throws(RequestError) -> (PlanPeriod, RenewalEntry) {
        let line = try line(id)
        try requireClock(now)
        var request = request
        var unlimited = false
        if let name = request.offer {
            guard let offer = line.offers.first(where: { $0.name.lowercased() == name.lowercased() }) else {
                let known = line.offers.map { "\"\($0.name)\"" }.joined(separator: ", ")
                throw .invalid(
                    parameter: "offer",
                    reason: "line `\(id)` has no offer \"\(name)\""
                        + (known.isEmpty ? "; it has no offers configured" : "; its offers: \(known)")
                )
            }
            request.offer = offer.name
            if request.data == nil {
                request.data = offer.data
                unlimited = offer.data == nil
            }
            if request.validFor == nil, request.expires == nil { request.validFor = offer.validity }
            if request.price == nil { request.price = offer.price }
        }
        let at = request.at ?? now
        if request.validFor != nil, request.expires != nil {
            throw .invalid(parameter: "expires_at", reason: "give either valid_seconds or expires_at")
        }
        if let validFor = request.validFor, validFor.seconds <= 0 || validFor.seconds > 3650 * 86_400 {
            throw .invalid(parameter: "valid_seconds", reason: "must be between 1 second and 10 years")
        }
        if at > now + 60 { throw .invalid(parameter: "at", reason: "must not be in the future") }
        if at < now.addingTimeInterval(-366 * 86_400) {
            throw .invalid(parameter: "at", reason: "must be within the last year")
        }
        if let validFor = request.validFor, at + validFor <= now {
            throw .invalid(parameter: "at", reason: "a plan valid \(validFor) from then has already expired")
        }
        if let expires = request.expires, expires <= now {
            throw .invalid(parameter: "expires_at", reason: "must be in the future")
        }
        if let data = request.data, data.bytes < 0 {
            throw .invalid(parameter: "data_bytes", reason: "must not be negative")
        }
        let entry = RenewalEntry(
            lineID: id,
            sequence: 0,
            origin: .recorded,
            renewedAt: at,
            recordedAt: now,
            offer: request.offer,
            data: request.data,
            unlimited: unlimited,
            price: try RenewalRequest.checkPrice(request.price),
            order: try RenewalRequest.checkText(request.order, "order", limit: 100),
            receipt: request.receipt,
            note: try RenewalRequest.checkText(request.note, "note", limit: 500)
        )
        let (period, outcome) = try await ledger.renew(
            line,
            data: request.data,
            unlimited: unlimited,
            validFor: request.validFor,
            expires: request.expires,
            entry: entry,
            now: now
        )
        await settled(line.id, outcome)
        await polls.schedule(id, at: now)
        var kept = entry
        for case .add(let added) in outcome.ledger { kept = added }
        return (period, kept)
    }

    /// A renewal with only its plan: the data and the validity or expiry.
    public func renew(
        _ id: String,
        data: ByteCount?,
        validFor: TimeSpan?,
        expires: Date?,
        now: Date
    ) async throws(RequestError) -> PlanPeriod {
        try await renew(id, RenewalRequest(data: data, validFor: validFor, expires: expires), now: now).0
    }

    /// Completes a ledger entry afterwards (a detected top-up's price and order, a receipt found later): each given
    /// part replaces what it had.
    public func editRenewal(
        _ id: String,
        sequence: Int,
        _ request: RenewalRequest
    ) async throws(RequestError) -> RenewalEntry {
        var offer: Offer?
        if let name = request.offer {
            let offers = running.line(id)?.offers ?? []
            offer = offers.first { $0.name.lowercased() == name.lowercased() }
            if offer == nil {
                throw .invalid(parameter: "offer", reason: "line `\(id)` has no offer \"\(name)\" configured")
            }
        }
        let price = try RenewalRequest.checkPrice(request.price) ?? offer?.price
        let order = try RenewalRequest.checkText(request.order, "order", limit: 100)
        let note = try RenewalRequest.checkText(request.note, "note", limit: 500)
        return try await ledger.editRenewal(
            line: id,
            sequence: sequence,
            offer: offer?.name,
            price: price,
            order: order,
            note: note,
            receipt: request.receipt
        )
    }

    /// Holds back reminders of one rule (or all rules) of a line until `until`.
    public func snooze(_ id: String, rule: String?, until: Date, now: Date) async throws(RequestError) -> [AlertState] {
        try await setSnooze(id, rule: rule, until: until, now: now)
    }

    /// Ends a snooze; a reminder that fell due during it goes out at once.
    public func unsnooze(_ id: String, rule: String?, now: Date) async throws(RequestError) -> [AlertState] {
        try await setSnooze(id, rule: rule, until: nil, now: now)
    }

    private func setSnooze(
        _ id: String,
        rule: String?,
        until: Date?,
        now: Date
    ) async throws(RequestError)
        -> [AlertState]
    {
        let line = try line(id)
        if let rule, !line.rules.contains(where: { $0.id == rule }) { throw .noSuchRule(line: id, rule: rule) }
        if let until, until <= now { throw .invalid(parameter: "until", reason: "must be in the future") }
        let (alerts, next) = try await ledger.snooze(line, rule: rule, until: until, now: now)
        await repeats.set(id, at: next)
        return alerts
    }

    /// Reads the line (or every line) now, waits for the result, and returns each outcome.
    public func pollNow(
        _ id: String?,
        now: Date
    ) async throws(RequestError) -> [(String, Result<Reading, ProviderError>)] {
        try requireClock(now)
        let targets = try id.map { id throws(RequestError) in [try line(id)] } ?? running.config.lines
        return try await polls.pollNow(targets, now: now)
    }

    /// What a committed judgement means for the schedules: the next repeat, and the outbox's news.
    private func settled(_ id: String, _ outcome: AssessmentOutcome) async {
        await repeats.set(id, at: outcome.nextReminderAt)
        if !outcome.reminders.isEmpty { outbox.wakeup.poke() }
    }
}
