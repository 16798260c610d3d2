import FoundationEssentials
import SimwatchConfig
import SimwatchCore
import SimwatchDaemon
import SimwatchStore
import SimwatchTestKit
import Testing

/// A renewal recorded by hand is a plan period like any other: it ends, and the configuration takes over again;
/// an edit of the plan in the configuration replaces it.
@Suite struct RenewalPeriodTests {
    let t0 = DaemonFixture.t0  // 2026-11-20T00:00:00Z
    let december = Date(timeIntervalSince1970: 1_796_083_200)  // 2026-12-01T00:00:00Z
    let january = Date(timeIntervalSince1970: 1_798_761_600)  // 2027-01-01T00:00:00Z

    @Test func aRenewedMonthlyPlanRollsIntoTheNextCycle() async throws {
        let expiry = Rule(
            id: "exp",
            kind: .expiresWithin([.days(3)]),
            severity: .warning,
            repeatPolicy: .every(.hours(6))
        )
        var f = try DaemonFixture(rules: [expiry])
        f.config.lines[0].plan = PlanSettings(quota: ByteCount(bytes: 1_000_000_000), validity: .monthly(cycleDay: 1))
        let simwatch = f.simwatch()
        try await simwatch.start(now: t0)
        await simwatch.settle(now: t0)
        let renewed = try await simwatch.actions.renew(
            "l1",
            data: ByteCount(bytes: 2_000_000_000),
            validFor: nil,
            expires: nil,
            now: t0 + .hours(1)
        )
        #expect(renewed.expiresAt == december)
        await simwatch.settle(now: t0 + .hours(1))

        let next = december + .days(1)
        await simwatch.settle(now: next)
        let state = try await simwatch.queries.lineState("l1", now: next)
        #expect(
            state.period == PlanPeriod(startedAt: december, quota: ByteCount(bytes: 1_000_000_000), expiresAt: january)
        )
        #expect(state.record?.periodOrigin == "config")
        #expect(simwatch.queries.firingAlerts().isEmpty)
        // No critical "expired" reminder for the renewal's end: the plan simply went on.
        #expect(!f.channel.delivered.contains { $0.severity == .critical })
    }

    @Test func editingThePlanReplacesARenewalAtOnce() async throws {
        let disk = try DatabaseFault()
        var f = try DaemonFixture(rules: [], store: disk.store)
        let simwatch = f.simwatch()
        try await simwatch.start(now: t0)
        await simwatch.settle(now: t0)
        _ = try await simwatch.actions.renew("l1", data: nil, validFor: .days(7), expires: nil, now: t0 + .days(1))
        #expect(try await simwatch.queries.lineState("l1", now: t0 + .days(1)).period?.expiresAt == t0 + .days(8))

        // A reload with the plan unchanged keeps the renewal.
        try await simwatch.reload(f.config, now: t0 + .days(2))
        #expect(try await simwatch.queries.lineState("l1", now: t0 + .days(2)).record?.periodOrigin == "renewal")

        // The documented way to renew: edit started (and the quota), then reload.
        f.config.lines[0].plan = PlanSettings(
            quota: ByteCount(bytes: 3_000_000_000),
            validity: .validFor(.days(30)),
            started: t0 + .days(2)
        )
        try await simwatch.reload(f.config, now: t0 + .days(2))
        let state = try await simwatch.queries.lineState("l1", now: t0 + .days(2))
        #expect(state.record?.periodOrigin == "config")
        #expect(
            state.period
                == PlanPeriod(
                    startedAt: t0 + .days(2),
                    quota: ByteCount(bytes: 3_000_000_000),
                    expiresAt: t0 + .days(32)
                )
        )
    }

    @Test func anEditMadeWhileStoppedWinsAtTheNextStart() async throws {
        let disk = try DatabaseFault()
        var f = try DaemonFixture(rules: [], store: disk.store)
        do {
            let simwatch = f.simwatch()
            try await simwatch.start(now: t0)
            _ = try await simwatch.actions.renew("l1", data: nil, validFor: .days(7), expires: nil, now: t0 + .days(1))
        }
        do {
            // Same configuration: the renewal survives the restart.
            let simwatch = f.simwatch()
            try await simwatch.start(now: t0 + .days(2))
            #expect(try await simwatch.queries.lineState("l1", now: t0 + .days(2)).period?.expiresAt == t0 + .days(8))
        }
        f.config.lines[0].plan.validity = .expires(t0 + .days(40))
        let simwatch = f.simwatch()
        try await simwatch.start(now: t0 + .days(3))
        let state = try await simwatch.queries.lineState("l1", now: t0 + .days(3))
        #expect(state.record?.periodOrigin == "config")
        #expect(state.period?.expiresAt == t0 + .days(40))
    }
}
