import FoundationEssentials
import Logging
import SimwatchCore
import SimwatchDaemon
import SimwatchStore
import SimwatchTestKit
import Testing

/// The whole daemon (ledger, schedulers, outbox, clock watch) driven through simulated time on a `ManualClock`, the
/// way swift-nio's tests drive an embedded event loop: no real waiting, every step in the order it falls due.
@Suite struct ManualClockWeekTests {
    let t0 = DaemonFixture.t0

    /// 1 GB at the start, 100 MB used a day, read hourly: the 500 MB warning starts after day 5 and repeats daily,
    /// never in quiet hours (22:00-07:00 UTC).
    func fixture() throws -> DaemonFixture {
        let start = t0
        let provider = ScriptedProvider { request in
            let days = request.now.timeIntervalSince(start) / 86_400
            return Reading(
                lineID: request.line.id,
                observedAt: request.now,
                remaining: ByteCount(bytes: max(0, 1_000_000_000 - Int64(days * 100_000_000))),
                total: ByteCount(bytes: 1_000_000_000),
                source: "script"
            )
        }
        return try DaemonFixture(
            rules: [DaemonFixture.lowData(.every(.days(1)))],
            quietHours: "22:00-07:00",
            provider: provider
        )
    }

    @Test func aWeekOfPollsAndRemindersInSimulatedTime() async throws {
        let f = try fixture()
        let clock = ManualClock(t0)
        let simwatch = f.simwatch(clock: clock)
        try await simwatch.start(now: t0)
        await simwatch.advance(clock, to: t0 + .days(7))

        // One poll an hour, the first at the start: 7 × 24 + 1.
        #expect(f.provider.callCount == 169)
        #expect(try f.store.readings.list(line: "l1", since: t0).count == 169)
        let sent = f.channel.delivered
        // At t0 + 5 d exactly 500 MB is left, not below; the first poll below is an hour later, at 01:00, in quiet
        // hours: held to 07:00. The repeat falls due a day after the first (02:00 + 23 h: 01:00 again, held to 07:00);
        // the third would be at t0 + 7 d + 1 h, after the week.
        try #require(sent.count == 2)
        #expect(sent.map(\.id) == ["l1/low/1/1/journal", "l1/low/1/2/journal"])
        #expect(sent.map(\.event) == ["firing", "repeat"])
        #expect(sent.map(\.createdAt) == [t0 + .days(5) + .hours(1), t0 + .days(6) + .hours(1)])
        #expect(sent.map(\.notBefore) == [t0 + .days(5) + .hours(7), t0 + .days(6) + .hours(7)])
        // The pace measured over the week so far: 100 MB a day.
        #expect(sent[0].summary.hasPrefix("Test line: 496 MB left of 1 GB (50%), at this pace it lasts 4d 23h"))
        #expect(sent[1].summary.hasPrefix("Test line: 396 MB left of 1 GB (40%), at this pace it lasts 3d 23h"))
        #expect(simwatch.queries.firingAlerts().map(\.ruleID) == ["low"])
        #expect(try f.store.outbox.counts() == (pending: 0, dead: 0))
        #expect(await simwatch.nextWake() == t0 + .days(7) + .hours(1))
    }

    /// The services' own loops, not stepped by the test: each sleeps on the manual clock and wakes when the test
    /// moves it. A day of hourly polls, then a reminder the outbox dispatcher was poked to deliver.
    @Test func theServicesLoopsWakeOnTheManualClock() async throws {
        let f = try fixture()
        let clock = ManualClock(t0 + .days(5) - .hours(12))
        let simwatch = f.simwatch(clock: clock)
        try await simwatch.start(now: clock.now())
        let loops = Task { await simwatch.run() }
        defer { loops.cancel() }
        for hour in 0...24 {
            if hour > 0 { clock.advance(by: .hours(1)) }
            try await waitUntil("poll \(hour + 1)") { f.provider.callCount == hour + 1 }
        }
        // Below 500 MB since t0 + 5 d + 1 h (01:00), held by quiet hours until 07:00, which the clock has passed.
        try await waitUntil("the reminder") { f.channel.delivered.count == 1 }
        #expect(f.channel.delivered.first?.notBefore == t0 + .days(5) + .hours(7))
        loops.cancel()
        await loops.value
        await simwatch.shutdown(now: clock.now())
    }

    /// Waits (in real time, at most 10 s) for the loops to catch up with the clock.
    func waitUntil(_ what: String, _ condition: () -> Bool) async throws {
        let start = ContinuousClock.now
        while !condition() {
            guard start.duration(to: .now) < .seconds(10) else {
                Issue.record("timed out waiting for \(what)")
                return
            }
            try await Task.sleep(nanoseconds: 1_000_000)
        }
    }
}
