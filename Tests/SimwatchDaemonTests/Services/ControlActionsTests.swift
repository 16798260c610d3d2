import FoundationEssentials
import Logging
import SimwatchConfig
import SimwatchCore
import SimwatchDaemon
import SimwatchProviders
import SimwatchStore
import SimwatchTestKit
import Testing

@Suite struct ControlActionsTests {
    let t0 = DaemonFixture.t0

    @Test func snoozeHoldsRemindersAndSendsOneWhenItEnds() async throws {
        let f = try DaemonFixture(rules: [DaemonFixture.lowData(.every(.hours(2)))])
        let simwatch = f.simwatch()
        try await simwatch.start(now: t0)
        _ = try await simwatch.actions.snooze("l1", rule: nil, until: t0 + .hours(5), now: t0)
        for hour in 0...4 { await simwatch.settle(now: t0 + .hours(hour)) }
        #expect(f.channel.delivered.isEmpty)
        await simwatch.settle(now: t0 + .hours(5))
        #expect(f.channel.delivered.map(\.event) == ["repeat"])
        let history = try simwatch.queries.alertHistory(of: "l1").map(\.event)
        #expect(history.contains("suppressed"))
        #expect(history.contains("snoozed"))
    }

    @Test func unsnoozeSendsTheHeldReminderAtOnce() async throws {
        let f = try DaemonFixture(rules: [DaemonFixture.lowData(.once)])
        let simwatch = f.simwatch()
        try await simwatch.start(now: t0)
        _ = try await simwatch.actions.snooze("l1", rule: "low", until: t0 + .days(3), now: t0)
        await simwatch.settle(now: t0)
        #expect(f.channel.delivered.isEmpty)
        let states = try await simwatch.actions.unsnooze("l1", rule: "low", now: t0 + .hours(1))
        #expect(states.first?.snoozedUntil == nil)
        await simwatch.settle(now: t0 + .hours(1))
        #expect(f.channel.delivered.count == 1)
    }

    @Test func snoozeRejectsUnknownRuleAndPastTimes() async throws {
        let f = try DaemonFixture(rules: [DaemonFixture.lowData(.once)])
        let simwatch = f.simwatch()
        try await simwatch.start(now: t0)
        await #expect(throws: RequestError.noSuchRule(line: "l1", rule: "nope")) {
            _ = try await simwatch.actions.snooze("l1", rule: "nope", until: t0 + .days(1), now: t0)
        }
        await #expect(throws: RequestError.noSuchLine("zz")) {
            _ = try await simwatch.actions.snooze("zz", rule: nil, until: t0 + .days(1), now: t0)
        }
        await #expect(throws: RequestError.invalid(parameter: "until", reason: "must be in the future")) {
            _ = try await simwatch.actions.snooze("l1", rule: nil, until: t0, now: t0)
        }
    }

    @Test func renewResolvesAndDoesNotCountTwice() async throws {
        var f = try DaemonFixture(rules: [DaemonFixture.lowData(.every(.hours(6)))])
        f.config.lines[0].provider = AnyProviderSettings(
            DemoProviderSettings(dailyUse: ByteCount(bytes: 200_000_000), wobble: 0)
        )
        let demo = ScriptedProvider { request in
            try await DemoProvider(settings: DemoProviderSettings(dailyUse: ByteCount(bytes: 200_000_000), wobble: 0))
                .read(request)
        }
        let simwatch = Simwatch(
            config: f.config,
            store: f.store,
            providers: ProviderFactory(overrides: ["l1": demo]),
            channels: ["journal": f.channel],
            logger: .init(label: "t", factory: { _ in SwiftLogNoOpLogHandler() })
        )
        try await simwatch.start(now: t0 + .days(3))
        await simwatch.settle(now: t0 + .days(3))  // 1 GB quota, 600 MB used: 400 MB left, below 500 MB
        #expect(f.channel.delivered.map(\.kind) == [.lowData])
        let plan = try await simwatch.actions.renew(
            "l1",
            data: ByteCount(bytes: 5_000_000_000),
            validFor: .days(30),
            expires: nil,
            now: t0 + .days(3) + .hours(1)
        )
        #expect(plan.quota == ByteCount(bytes: 5_000_000_000))
        #expect(plan.expiresAt == t0 + .days(33) + .hours(1))
        await simwatch.settle(now: t0 + .days(3) + .hours(1))
        await simwatch.settle(now: t0 + .days(3) + .hours(2))
        #expect(f.channel.delivered.map(\.kind) == [.lowData, .renewed])
        #expect(f.channel.delivered.last?.summary.contains("5 GB available") == true)
        #expect(simwatch.queries.firingAlerts().isEmpty)
        // The demo now reads the renewed period: 5 GB less an hour of use.
        let reading = try #require(simwatch.queries.latestReading(of: "l1"))
        #expect(reading.source == "demo")
        #expect((reading.remaining?.bytes ?? 0) > 4_900_000_000)
    }

    @Test func recordByHandIsJudged() async throws {
        // The line's own source reports plenty (900 MB), and its start-up poll has run: only the figure recorded by
        // hand can raise the low-data alert.
        let plenty = ScriptedProvider { request in
            Reading(
                lineID: request.line.id,
                observedAt: request.now,
                remaining: ByteCount(bytes: 900_000_000),
                total: ByteCount(bytes: 1_000_000_000),
                source: "script"
            )
        }
        let f = try DaemonFixture(rules: [DaemonFixture.lowData(.once)], provider: plenty)
        let simwatch = f.simwatch()
        try await simwatch.start(now: t0)
        await simwatch.settle(now: t0)
        #expect(f.channel.delivered.isEmpty)
        let reading = try await simwatch.actions.record(
            "l1",
            reading: Reading(lineID: "", observedAt: t0, remaining: ByteCount(bytes: 1_000), source: ""),
            now: t0
        )
        #expect(reading.source == "manual")
        #expect(reading.total == ByteCount(bytes: 1_000_000_000))
        await simwatch.settle(now: t0)
        #expect(f.channel.delivered.map(\.kind) == [.lowData])
        await #expect(throws: RequestError.self) {
            _ = try await simwatch.actions.record(
                "l1",
                reading: Reading(lineID: "", observedAt: t0, source: ""),
                now: t0
            )
        }
    }

    @Test func pollNowRepliesWithTheOutcome() async throws {
        let f = try DaemonFixture(rules: [])
        let simwatch = f.simwatch()
        try await simwatch.start(now: t0)
        let outcomes = try await simwatch.actions.pollNow(nil, now: t0)
        #expect(outcomes.count == 1)
        #expect(outcomes.first?.0 == "l1")
        #expect((try? outcomes.first?.1.get())?.remaining == ByteCount(bytes: 100_000_000))
        await #expect(throws: RequestError.noSuchLine("x")) { _ = try await simwatch.actions.pollNow("x", now: t0) }
    }

    @Test func eventsFollowWhatHappens() async throws {
        let f = try DaemonFixture(rules: [DaemonFixture.lowData(.once)])
        let simwatch = f.simwatch()
        let stream = simwatch.events.subscribe()
        try await simwatch.start(now: t0)
        await simwatch.settle(now: t0)
        var kinds: [String] = []
        for await event in stream {
            kinds.append("\(event.kind.rawValue):\(event.event ?? "")")
            if kinds.count == 3 { break }
        }
        #expect(kinds == ["reading:", "alert:firing", "delivery:delivered"])
    }

    @Test func testNotificationGoesStraightThrough() async throws {
        let f = try DaemonFixture(rules: [])
        let simwatch = f.simwatch()
        try await simwatch.start(now: t0)
        let id = try await simwatch.actions.testNotification(channel: "journal", line: "l1", now: t0)
        #expect(id.hasPrefix("l1/+test/"))
        #expect(f.channel.delivered.map(\.kind) == [.test])
        await #expect(throws: RequestError.noSuchChannel("mail", known: ["journal"])) {
            _ = try await simwatch.actions.testNotification(channel: "mail", line: nil, now: t0)
        }
        f.channel.setFailing(true)
        await #expect(throws: RequestError.self) {
            _ = try await simwatch.actions.testNotification(channel: "journal", line: nil, now: t0)
        }
    }

    @Test func historyMergesRollupsAndThins() async throws {
        let f = try DaemonFixture(rules: [], poll: .minutes(30))
        let simwatch = f.simwatch()
        try await simwatch.start(now: t0)
        for step in 0..<(48 * 10) {
            await simwatch.settle(now: t0 + .minutes(30 * step))
        }
        try f.store.retention.compact(now: t0 + .days(10), keepRaw: 2 * 86_400, keepHourly: 4 * 86_400)
        let all = try simwatch.queries.history(of: "l1", since: t0, until: t0 + .days(10), maxPoints: 10_000)
        #expect(Set(all.map(\.resolution)) == ["day", "hour", "raw"])
        #expect(all.map(\.at) == all.map(\.at).sorted())
        let thin = try simwatch.queries.history(of: "l1", since: t0, until: t0 + .days(10), maxPoints: 20)
        #expect(thin.count <= 20 && thin.count >= 10)
    }
}
