public import FoundationEssentials
public import SimwatchCore
import SimwatchStore

extension Engine {
    /// A reading entered by hand (source "manual"), judged like a poll's.
    public func record(_ id: String, reading input: Reading, now: Date) throws(EngineError) -> Reading {
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
        var reading = input
        reading.lineID = id
        reading.observedAt = now
        reading.source = "manual"
        if reading.total == nil { reading.total = latest[id]?.total ?? records[id]?.period?.quota }
        if reading.expiresAt == nil { reading.expiresAt = latest[id]?.expiresAt ?? records[id]?.period?.expiresAt }
        guard commitAssessment(of: line, trigger: .poll(.success(reading), attemptRecorded: false), now: now) else {
            throw .invalid(parameter: "line", reason: "the reading could not be saved: \(storeError)")
        }
        events.publish(EngineEvent(kind: .reading, at: now, lineID: id, summary: "recorded by hand", reading: reading))
        onChange?()
        return reading
    }

    /// A renewal or top-up recorded by hand: a new plan period from now. Ends data and expiry alerts, sends the
    /// "renewed" notice, and reads the line again at once.
    public func renew(
        _ id: String,
        data: ByteCount?,
        validFor: TimeSpan?,
        expires: Date?,
        now: Date
    ) throws(EngineError) -> PlanPeriod {
        let line = try line(id)
        try requireClock(now)
        if validFor != nil, expires != nil {
            throw .invalid(parameter: "expires_at", reason: "give either valid_seconds or expires_at")
        }
        if let validFor, validFor.seconds <= 0 {
            throw .invalid(parameter: "valid_seconds", reason: "must be positive")
        }
        if let expires, expires <= now { throw .invalid(parameter: "expires_at", reason: "must be in the future") }
        if let data, data.bytes < 0 { throw .invalid(parameter: "data_bytes", reason: "must not be negative") }
        var record = records[id] ?? LineRecord(lineID: id, firstSeen: now)
        let current = period(for: line, record: record, now: now)
        var expiresAt = expires ?? validFor.map { now + $0 }
        if expiresAt == nil, case .validFor(let span)? = line.plan.validity { expiresAt = now + span }
        if expiresAt == nil, case .monthly? = line.plan.validity { expiresAt = current.expiresAt }
        guard data != nil || expiresAt != nil else {
            throw .invalid(parameter: "data_bytes", reason: "give the new data, validity or expiry")
        }
        let renewed = PlanPeriod(startedAt: now, quota: data ?? current.quota, expiresAt: expiresAt)
        record.period = renewed
        record.periodOrigin = "renewal"
        record.renewedAt = now
        // The commit's own answer, not the record in memory: an older renewal leaves that saying "renewal" too.
        guard commitAssessment(of: line, trigger: .renewal, now: now, record: record) else {
            throw .invalid(parameter: "line", reason: "the renewal could not be saved: \(storeError)")
        }
        polls.schedule(id, at: now)
        onChange?()
        return renewed
    }

    /// What the state database said when it last refused a write.
    private var storeError: String { storeTrouble?.error ?? "the state database refused the write" }

    /// Sends a test reminder straight through a channel (not through the outbox) and returns its id.
    public func testNotification(channel name: String, line id: String?, now: Date) async throws(EngineError) -> String
    {
        guard let channel = channels[name] else {
            throw .noSuchChannel(name, known: channels.keys.sorted())
        }
        var line: Line?
        if let id { line = try self.line(id) }
        let lineID = line?.id ?? "simwatch"
        let settings = config.channels.first { $0.name == name }
        let isEmail = settings?.kind.type == "email"
        let reading = line.flatMap { latest[$0.id] }
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
            summary: "\(line?.name ?? "simwatch"): test reminder through \(name); if you read this, the channel works",
            details: [
                "Sent by simwatchctl test-notify at \(config.daemon.timeZone.localDateTime(now).humanDescription)"
            ],
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
            recipients: isEmail ? line?.email?.recipients(for: name)?.map(\.description) : nil
        )
        let policy = DeliveryPolicy(settings, random: random)
        if let failure = await AttemptTimeout.run(channel, reminder, seconds: policy.backstop) {
            throw .deliveryFailed(channel: name, reason: failure.description)
        }
        events.publish(
            EngineEvent(
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
