import FoundationEssentials
import SimwatchConfig
import SimwatchCore
import SimwatchDaemon
import SimwatchStore
import SimwatchTestKit
import Testing

/// The wall clock is not to be trusted blindly: unset at boot (1970), stepped back or forward by NTP or by hand.
@Suite struct ClockStepTests {
    let t0 = DaemonFixture.t0

    @Test func aClockStillIn1970StartsNothingUntilItIsSet() async throws {
        var f = try DaemonFixture(rules: [DaemonFixture.lowData(.once)])
        f.config.lines[0].plan = PlanSettings(quota: ByteCount(bytes: 1_000_000_000), validity: .validFor(.days(30)))
        let simwatch = f.simwatch()
        let boot = Date(timeIntervalSince1970: 120)
        try await simwatch.start(now: boot)
        await simwatch.settle(now: boot)
        await simwatch.settle(now: boot + .hours(2))
        #expect(f.provider.callCount == 0)
        #expect(try await simwatch.queries.lineState("l1", now: boot).record == nil)
        let entry = Reading(lineID: "", observedAt: boot, remaining: ByteCount(bytes: 1), source: "")
        await #expect(throws: RequestError.self) {
            _ = try await simwatch.actions.record("l1", reading: entry, now: boot)
        }
        #expect(await simwatch.queries.statusLine().hasPrefix("waiting for the system clock to be set; "))

        // NTP answered: the plan starts now, not in 1970.
        await simwatch.settle(now: t0)
        #expect(f.provider.callCount == 1)
        let state = try await simwatch.queries.lineState("l1", now: t0)
        #expect(state.record?.firstSeen == t0)
        #expect(
            state.period == PlanPeriod(startedAt: t0, quota: ByteCount(bytes: 1_000_000_000), expiresAt: t0 + .days(30))
        )
        #expect(f.channel.delivered.map(\.kind) == [.lowData])
        #expect(await simwatch.queries.statusLine().hasPrefix("1 line, 1 alert firing"))
    }

    @Test func aBackwardStepKeepsPollsAndRepeatsOnTime() async throws {
        let f = try DaemonFixture(rules: [DaemonFixture.lowData(.every(.hours(6)))])
        let simwatch = f.simwatch()
        try await simwatch.start(now: t0)
        await simwatch.settle(now: t0)
        await simwatch.settle(now: t0 + .minutes(30))
        let back = t0 + .minutes(30) - .days(1)
        await simwatch.settle(now: back)
        // The poll due at t0 + 1h is due 30 minutes after the step, not a day and 30 minutes.
        #expect(await simwatch.nextWake() == back + .minutes(30))
        var now = back
        while now <= back + .hours(6) {
            await simwatch.settle(now: now)
            now = now + .minutes(30)
        }
        #expect(f.provider.callCount == 7)
        #expect(f.channel.delivered.map(\.event) == ["firing", "repeat"])
        #expect(f.channel.delivered.last?.createdAt == back + .hours(5) + .minutes(30))
    }

    @Test func aYearForwardSendsEachRuleItsTransitionOnce() async throws {
        let expiry = Rule(
            id: "exp",
            kind: .expiresWithin([.days(3)]),
            severity: .warning,
            repeatPolicy: .every(.hours(6))
        )
        let f = try DaemonFixture(rules: [DaemonFixture.lowData(.every(.hours(6))), expiry])
        let simwatch = f.simwatch()
        try await simwatch.start(now: t0)
        await simwatch.settle(now: t0)
        #expect(f.channel.delivered.map(\.ruleID) == ["low"])
        let later = t0 + .days(365)
        for minute in 0..<10 { await simwatch.settle(now: later + .minutes(minute)) }
        let after = f.channel.delivered.dropFirst()
        #expect(after.filter { $0.ruleID == "low" }.map(\.event) == ["repeat"])
        #expect(after.filter { $0.ruleID == "exp" }.map(\.event) == ["firing"])
    }
}
