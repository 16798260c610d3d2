import FoundationEssentials
import SimwatchCore
import SimwatchSQLite
import SimwatchStore
import Testing

@Suite struct StateStoreTests {
    let t0 = Date(timeIntervalSince1970: 1_795_132_800)

    func reminder(_ id: String, notBefore: Date? = nil, episode: Int = 1) -> Reminder {
        Reminder(
            id: id,
            channel: "journal",
            kind: .lowData,
            event: "firing",
            severity: .warning,
            lineID: "l",
            lineName: "Line",
            ruleID: "r",
            episode: episode,
            occurrence: 1,
            stage: 0,
            summary: "low",
            details: ["a"],
            remaining: ByteCount(bytes: 5),
            total: ByteCount(bytes: 10),
            expiresAt: t0 + .days(3),
            runsOutAt: nil,
            createdAt: t0,
            notBefore: notBefore ?? t0,
            timeZone: "UTC"
        )
    }

    func tempPath() -> String {
        "/tmp/simwatch-store-test-\(UInt64.random(in: 0...UInt64.max))/state.db"
    }

    @Test func fileDatabaseUsesWALAndSurvivesReopen() throws {
        let path = tempPath()
        let dir = String(path.dropLast("/state.db".count))
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        do {
            let store = try StateStore(path: path)
            var batch = StoreBatch()
            batch.lines = [
                LineRecord(
                    lineID: "l",
                    firstSeen: t0,
                    period: PlanPeriod(startedAt: t0, quota: ByteCount(bytes: 10), expiresAt: t0 + .days(7)),
                    polls: 3,
                    renewals: 1
                )
            ]
            batch.readings = [
                Reading(
                    lineID: "l",
                    observedAt: t0,
                    remaining: ByteCount(bytes: 5),
                    credit: Money(amount: Decimal(string: "4.52")!, currency: "EUR"),
                    source: "demo"
                )
            ]
            var alert = AlertState(lineID: "l", ruleID: "r", episode: 2)
            alert.phase = .firing(
                .init(since: t0, stage: 1, occurrence: 3, lastNotifiedAt: t0, nextReminderAt: t0 + .hours(6))
            )
            batch.alerts = [alert]
            try store.commit(batch)
            #expect(FileManager.default.fileExists(atPath: path + "-wal"))
        }
        let reopened = try StateStore(path: path)
        let record = try #require(try reopened.lines.all()["l"])
        #expect(record.polls == 3)
        #expect(record.renewals == 1)
        #expect(record.period?.expiresAt == t0 + .days(7))
        let reading = try #require(try reopened.readings.latest(line: "l"))
        #expect(reading.remaining == ByteCount(bytes: 5))
        #expect(reading.credit == Money(amount: Decimal(string: "4.52")!, currency: "EUR"))
        let alerts = try reopened.alerts.all()
        #expect(alerts.count == 1)
        #expect(alerts[0].firing?.occurrence == 3)
        #expect(alerts[0].firing?.nextReminderAt == t0 + .hours(6))
        #expect(alerts[0].episode == 2)
    }

    @Test func outboxIsIdempotentAndHonoursNotBefore() throws {
        let store = try StateStore()
        var batch = StoreBatch()
        batch.reminders = [reminder("a"), reminder("a"), reminder("b", notBefore: t0 + .hours(8))]
        try store.commit(batch)
        try store.commit(batch)
        #expect(try store.outbox.due(now: t0).map(\.reminder.id) == ["a"])
        #expect(try store.outbox.nextDue() == t0)
        try store.outbox.record([DeliveryOutcome(id: "a", at: t0)])
        #expect(try store.outbox.due(now: t0).isEmpty)
        #expect(try store.outbox.nextDue() == t0 + .hours(8))
        #expect(try store.outbox.due(now: t0 + .hours(8)).map(\.reminder.id) == ["b"])
        let sent = try store.outbox.list(state: .sent)
        #expect(sent.map(\.reminder.id) == ["a"])
        #expect(sent.first?.reminder == reminder("a"))
    }

    @Test func poisonedOutboxRowsBecomeDeadLettersInsteadOfStayingDue() throws {
        let path = tempPath()
        let dir = String(path.dropLast("/state.db".count))
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let store = try StateStore(path: path)
        var batch = StoreBatch()
        batch.reminders = [reminder("a"), reminder("b"), reminder("c")]
        try store.commit(batch)
        // Damage two rows from outside: a payload that is not a reminder, and a count that is not a number.
        let raw = try Database(path: path)
        try raw.execute("UPDATE outbox SET payload = '{\"not\": \"a reminder\"}' WHERE id = 'b'")
        try raw.execute("UPDATE outbox SET attempts = 'many' WHERE id = 'c'")

        #expect(try store.outbox.due(now: t0, channel: "journal", limit: 50).map(\.reminder.id) == ["a"])
        let rows = try raw.rows("SELECT id, state, last_error FROM outbox ORDER BY id")
        let states: [String] = try rows.map { try $0["state"] }
        #expect(states == ["pending", "dead", "dead"])
        let errors: [String?] = try rows.map { try $0["last_error"] }
        #expect(errors[1]?.hasPrefix("dead letter: its payload no longer reads as a reminder") == true)
        #expect(errors[2]?.hasPrefix("dead letter: the row does not read") == true)
        // Nothing poisoned is due any more: the daemon does not wake for it again.
        try store.outbox.record([DeliveryOutcome(id: "a", at: t0)])
        #expect(try store.outbox.nextDue() == nil)
        #expect(try store.outbox.due(now: t0 + .days(1)).isEmpty)
    }

    /// v4: an attempt that found no network is kept apart (its count, its flag, the time online unchanged); such a
    /// reminder comes along when its channel is next tried, and all of them are due when the network is back.
    @Test func offlineAttemptsWaitForTheNetwork() throws {
        let store = try StateStore()
        var batch = StoreBatch()
        batch.reminders = [reminder("a"), reminder("b", notBefore: t0 + .hours(1))]
        try store.commit(batch)
        try store.outbox.record([
            DeliveryOutcome(
                id: "a",
                at: t0,
                error: "offline: no route",
                retryAt: t0 + .minutes(5),
                onlineSpent: 0,
                offline: true
            )
        ])
        let waiting = try #require(try store.outbox.list(state: .pending).first { $0.reminder.id == "a" })
        #expect(waiting.offline && waiting.offlineAttempts == 1 && waiting.attempts == 1)
        #expect(waiting.lastAttempt == t0 && waiting.onlineSpent == 0)
        // Not due by time, but it comes along with the channel's next due reminder.
        #expect(try store.outbox.due(now: t0 + .minutes(1)).isEmpty)
        #expect(
            try store.outbox.due(now: t0 + .hours(1), channel: "journal", limit: 50).map(\.reminder.id) == ["a", "b"]
        )
        #expect(try store.outbox.retryOffline(now: t0 + .minutes(1)) == 1)
        #expect(try store.outbox.due(now: t0 + .minutes(1)).map(\.reminder.id) == ["a"])
        try store.outbox.record([DeliveryOutcome(id: "a", at: t0 + .minutes(2), onlineSpent: 60)])
        let sent = try #require(try store.outbox.list(state: .sent).first)
        #expect(!sent.offline && sent.offlineAttempts == 1 && sent.attempts == 2 && sent.onlineSpent == 60)
    }

    @Test func supersededRemindersAreMarkedAndNeverDue() throws {
        let store = try StateStore()
        var batch = StoreBatch()
        batch.reminders = [reminder("a"), reminder("b")]
        try store.commit(batch)
        try store.outbox.supersede([(id: "a", by: "b")], now: t0)
        #expect(try store.outbox.due(now: t0 + .days(1)).map(\.reminder.id) == ["b"])
        let superseded = try store.outbox.list(state: .superseded)
        #expect(superseded.map(\.reminder.id) == ["a"] && superseded.first?.lastError == "superseded by b")
        // A late failure of an attempt already under way does not bring it back.
        try store.outbox.record([DeliveryOutcome(id: "a", at: t0, error: "boom", retryAt: t0 + .minutes(1))])
        #expect(try store.outbox.list(state: .superseded).map(\.reminder.id) == ["a"])
    }

    @Test func failedDeliveryRetriesThenDies() throws {
        let store = try StateStore()
        var batch = StoreBatch()
        batch.reminders = [reminder("a")]
        try store.commit(batch)
        try store.outbox.record([DeliveryOutcome(id: "a", at: t0, error: "boom", retryAt: t0 + .minutes(1))])
        #expect(try store.outbox.due(now: t0).isEmpty)
        let retry = try store.outbox.due(now: t0 + .minutes(1))
        #expect(retry.first?.attempts == 1)
        #expect(retry.first?.lastError == "boom")
        try store.outbox.record([DeliveryOutcome(id: "a", at: t0, error: "boom again", retryAt: nil)])
        #expect(try store.outbox.due(now: t0 + .days(9)).isEmpty)
        #expect(try store.outbox.list(state: .dead).map(\.reminder.id) == ["a"])
    }

    @Test func endedEpisodesCancelDeferredReminders() throws {
        let store = try StateStore()
        var batch = StoreBatch()
        batch.reminders = [
            reminder("a", notBefore: t0 + .hours(8)), reminder("other", notBefore: t0 + .hours(8), episode: 2),
        ]
        try store.commit(batch)
        var cancel = StoreBatch()
        cancel.cancelled = [("l", "r", 1)]
        try store.commit(cancel)
        #expect(try store.outbox.due(now: t0 + .days(1)).map(\.reminder.id) == ["other"])
        #expect(try store.outbox.list(state: .cancelled).map(\.reminder.id) == ["a"])
    }

    @Test func endedEpisodesCancelRemindersAlreadyTried() throws {
        let store = try StateStore()
        var batch = StoreBatch()
        batch.reminders = [reminder("a")]
        try store.commit(batch)
        try store.outbox.record([DeliveryOutcome(id: "a", at: t0, error: "down", retryAt: t0 + 60)])
        var cancel = StoreBatch()
        cancel.cancelled = [("l", "r", 1)]
        try store.commit(cancel)
        #expect(try store.outbox.due(now: t0 + .days(1)).isEmpty)
        #expect(try store.outbox.list(state: .cancelled).map(\.attempts) == [1])
    }

    @Test func aFailureRecordedAfterCancellationLeavesItCancelled() throws {
        let store = try StateStore()
        var batch = StoreBatch()
        batch.reminders = [reminder("a")]
        try store.commit(batch)
        // The attempt was under way when the alert ended; it fails afterwards.
        var cancel = StoreBatch()
        cancel.cancelled = [("l", "r", 1)]
        try store.commit(cancel)
        try store.outbox.record([DeliveryOutcome(id: "a", at: t0, error: "down", retryAt: t0 + 60)])
        #expect(try store.outbox.due(now: t0 + .days(1)).isEmpty)
        let item = try #require(try store.outbox.list(state: .cancelled).first)
        #expect(item.attempts == 1)
        #expect(item.lastError == "down")
    }

    @Test func pendingRemindersMoveBackWithTheClock() throws {
        let store = try StateStore()
        var batch = StoreBatch()
        batch.reminders = [reminder("held", notBefore: t0 + .hours(8)), reminder("soon", notBefore: t0 + 60)]
        try store.commit(batch)
        // The clock went back a day at t0 + 30 s: the held one still waits its 8 hours, not a day more.
        let now = t0 + 30 - .days(1)
        try store.outbox.movePending(back: 86_400, after: now)
        let due = try store.outbox.due(now: now + .hours(8)).map(\.reminder.id)
        #expect(due == ["soon", "held"])
        #expect(try store.outbox.due(now: now + 29).isEmpty)
        #expect(try store.outbox.due(now: now + 30).map(\.reminder.id) == ["soon"])
    }

    @Test func compactionRollsUpOldReadings() throws {
        let store = try StateStore()
        var batch = StoreBatch()
        // 30 days of 5-minute readings draining 100 MB a day.
        for i in 0..<(30 * 288) {
            let at = t0 + TimeSpan(seconds: Int64(i) * 300)
            batch.readings.append(
                Reading(
                    lineID: "l",
                    observedAt: at,
                    remaining: ByteCount(bytes: 3_000_000_000 - Int64(i) * 347_222),
                    source: "demo"
                )
            )
        }
        try store.commit(batch)
        let now = t0 + .days(30)
        let report = try store.retention.compact(now: now, keepRaw: 7 * 86_400, keepHourly: 14 * 86_400)
        #expect(report.rawRemoved == 23 * 288)
        let counts = try store.retention.rowCounts()
        #expect(counts["reading"] == 7 * 288)
        let hourly = try store.history.rollups(line: "l", resolution: 3600)
        let daily = try store.history.rollups(line: "l", resolution: 86_400)
        #expect(hourly.count == 7 * 24)
        #expect(daily.count == 16)
        #expect(daily.allSatisfy { $0.samples == 288 })
        #expect(hourly.allSatisfy { $0.samples == 12 })
        // The last reading of each day survives as the day's figure.
        let firstDay = try #require(daily.first?.lastRemaining)
        #expect(firstDay == 3_000_000_000 - 287 * 347_222)
        // Compacting again changes nothing.
        let again = try store.retention.compact(now: now, keepRaw: 7 * 86_400, keepHourly: 14 * 86_400)
        #expect(again.rawRemoved == 0 && again.hourlyRemoved == 0)
        #expect(try store.history.rollups(line: "l", resolution: 86_400).count == 16)
    }

    @Test func alertLogKeepsHistoryNewestFirst() throws {
        let store = try StateStore()
        var batch = StoreBatch()
        batch.log = [
            AlertLogEntry(
                lineID: "l",
                ruleID: "r",
                episode: 1,
                event: "firing",
                stage: 0,
                occurrence: 1,
                at: t0,
                summary: "one"
            ),
            AlertLogEntry(
                lineID: "l",
                ruleID: "r",
                episode: 1,
                event: "repeat",
                stage: 0,
                occurrence: 2,
                at: t0 + .hours(1),
                summary: "two"
            ),
        ]
        try store.commit(batch)
        #expect(try store.alertLog.entries(line: "l").map(\.summary) == ["two", "one"])
    }
}
