import FoundationEssentials
import Logging
import SimwatchConfig
import SimwatchCore
import SimwatchDaemon
import SimwatchProviders
import SimwatchStore
import SimwatchTestKit
import Testing

@Suite struct SimwatchTests {
    let t0 = DaemonFixture.t0

    @Test func firesOnceThenRepeatsOnSchedule() async throws {
        let f = try DaemonFixture(rules: [DaemonFixture.lowData(.every(.hours(6)))])
        let simwatch = f.simwatch()
        try await simwatch.start(now: t0)
        for hour in 0...13 {
            await simwatch.settle(now: t0 + .hours(hour))
        }
        let sent = f.channel.delivered
        #expect(sent.map(\.event) == ["firing", "repeat", "repeat"])
        #expect(sent.map(\.occurrence) == [1, 2, 3])
        #expect(sent.map(\.id) == ["l1/low/1/1/journal", "l1/low/1/2/journal", "l1/low/1/3/journal"])
        #expect(sent.map(\.createdAt) == [t0, t0 + .hours(6), t0 + .hours(12)])
        #expect(sent[0].summary.hasPrefix("Test line: 100 MB left of 1 GB (10%)"))
        #expect(f.provider.callCount == 14)
    }

    @Test func restartNeitherRepeatsNorForgets() async throws {
        let path = "/tmp/simwatch-simwatch-test-\(UInt64.random(in: 0...UInt64.max)).db"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let f = try DaemonFixture(rules: [DaemonFixture.lowData(.every(.hours(6)))], store: try StateStore(path: path))
        do {
            let simwatch = f.simwatch()
            try await simwatch.start(now: t0)
            await simwatch.settle(now: t0)
        }
        #expect(f.channel.delivered.count == 1)
        // Restart an hour later: nothing is due, nothing is sent again.
        do {
            let simwatch = f.simwatch()
            try await simwatch.start(now: t0 + .hours(1))
            await simwatch.settle(now: t0 + .hours(1))
            #expect(f.channel.delivered.count == 1)
        }
        // Down for 20 hours (three repeats fell due): exactly one repeat on start.
        let back = t0 + .hours(21)
        let simwatch = f.simwatch()
        try await simwatch.start(now: back)
        await simwatch.settle(now: back)
        await simwatch.settle(now: back + .minutes(1))
        #expect(f.channel.delivered.map(\.event) == ["firing", "repeat"])
        #expect(await simwatch.nextWake() == back + .hours(1))
    }

    @Test func pendingReminderSurvivesACrashBeforeDelivery() async throws {
        let path = "/tmp/simwatch-simwatch-test-\(UInt64.random(in: 0...UInt64.max)).db"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let f = try DaemonFixture(rules: [DaemonFixture.lowData(.once)], store: try StateStore(path: path))
        do {
            let simwatch = f.simwatch()
            try await simwatch.start(now: t0)
            await simwatch.runDue(now: t0)
            await simwatch.drain()  // reading and reminder committed; the process "dies" before delivering
        }
        #expect(f.channel.delivered.isEmpty)
        let simwatch = f.simwatch()
        try await simwatch.start(now: t0 + .minutes(5))
        await simwatch.settle(now: t0 + .minutes(5))
        await simwatch.settle(now: t0 + .minutes(10))
        #expect(f.channel.delivered.map(\.id) == ["l1/low/1/1/journal"])
    }

    @Test func renewalResolvesAndSaysSo() async throws {
        let f = try DaemonFixture(rules: [DaemonFixture.lowData(.every(.hours(6)))])
        let simwatch = f.simwatch()
        try await simwatch.start(now: t0)
        await simwatch.settle(now: t0)
        f.provider.replace { r in
            Reading(
                lineID: r.line.id,
                observedAt: r.now,
                remaining: ByteCount(bytes: 900_000_000),
                total: ByteCount(bytes: 1_000_000_000),
                source: "script"
            )
        }
        await simwatch.settle(now: t0 + .hours(1))
        #expect(f.channel.delivered.map(\.kind) == [.lowData, .renewed])
        #expect(f.channel.delivered.last?.id == "l1/+renewed/1/1/journal")
        #expect(simwatch.queries.firingAlerts().isEmpty)
        // Running low again opens episode 2.
        f.provider.replace { r in
            Reading(
                lineID: r.line.id,
                observedAt: r.now,
                remaining: ByteCount(bytes: 400_000_000),
                total: ByteCount(bytes: 1_000_000_000),
                source: "script"
            )
        }
        await simwatch.settle(now: t0 + .hours(2))
        #expect(f.channel.delivered.last?.id == "l1/low/2/1/journal")
    }

    @Test func failingChannelKeepsReminderUntilItWorks() async throws {
        let f = try DaemonFixture(rules: [DaemonFixture.lowData(.once)])
        let simwatch = f.simwatch()
        f.channel.setFailing(true)
        try await simwatch.start(now: t0)
        await simwatch.settle(now: t0)
        #expect(f.channel.delivered.isEmpty)
        f.channel.setFailing(false)
        await simwatch.settle(now: t0 + TimeSpan(seconds: 30))
        #expect(f.channel.delivered.isEmpty)  // the retry is not due yet (60 s after the first failure)
        await simwatch.settle(now: t0 + TimeSpan(seconds: 61))
        await simwatch.settle(now: t0 + TimeSpan(seconds: 200))
        #expect(f.channel.delivered.map(\.id) == ["l1/low/1/1/journal"])
    }

    @Test func failingSourceBacksOffAndGoesStale() async throws {
        let provider = ScriptedProvider { _ in throw ProviderError(.unavailable, "carrier down") }
        let stale = Rule(id: "stale", kind: .stale(.hours(3)), severity: .warning, repeatPolicy: .once)
        let f = try DaemonFixture(rules: [stale], poll: .hours(1), provider: provider)
        let simwatch = f.simwatch()
        try await simwatch.start(now: t0)
        var now = t0
        var wakes: [Double] = []
        for _ in 0..<10 {
            await simwatch.settle(now: now)
            guard let next = await simwatch.nextWake() else { break }
            wakes.append(next.timeIntervalSince(now))
            now = next
        }
        #expect(Array(wakes.prefix(6)) == [30, 60, 120, 240, 480, 960])
        #expect(f.channel.delivered.map(\.kind) == [.stale])
        #expect(f.channel.delivered.first?.summary.contains("carrier down") == true)
    }

    @Test func quietHoursDeferAllButCritical() async throws {
        let warn = Rule(
            id: "low",
            kind: .dataBelow([.amount(ByteCount(bytes: 500_000_000))]),
            severity: .warning,
            repeatPolicy: .once
        )
        let crit = Rule(
            id: "empty",
            kind: .dataBelow([.amount(ByteCount(bytes: 200_000_000))]),
            severity: .critical,
            repeatPolicy: .once
        )
        let f = try DaemonFixture(rules: [warn, crit], quietHours: "22:00-07:00")
        let simwatch = f.simwatch()
        let night = t0 + .hours(23)
        try await simwatch.start(now: night)
        await simwatch.settle(now: night)
        #expect(f.channel.delivered.map(\.ruleID) == ["empty"])
        #expect(await simwatch.nextWake() == night + .hours(1))
        await simwatch.settle(now: t0 + .hours(31))  // 07:00 next day
        #expect(f.channel.delivered.map(\.ruleID) == ["empty", "low"])
    }

    @Test func reloadRemovingARuleEndsItsAlert() async throws {
        var f = try DaemonFixture(rules: [DaemonFixture.lowData(.every(.hours(1)))])
        let simwatch = f.simwatch()
        try await simwatch.start(now: t0)
        await simwatch.settle(now: t0)
        #expect(simwatch.queries.firingAlerts().count == 1)
        f.config.lines[0].rules = []
        try await simwatch.reload(f.config, now: t0 + .minutes(5))
        #expect(simwatch.queries.firingAlerts().isEmpty)
        await simwatch.settle(now: t0 + .hours(3))
        #expect(f.channel.delivered.count == 1)
    }

    @Test func slowSourceTimesOutWithoutHoldingOthers() async throws {
        var f = try DaemonFixture(rules: [DaemonFixture.lowData(.once)])
        var second = f.config.lines[0]
        second.id = "l2"
        f.config.lines.append(second)
        f.config.daemon.pollTimeout = TimeSpan(seconds: 1)
        let slow = ScriptedProvider { _ in
            try await Task.sleep(nanoseconds: 30_000_000_000)
            throw ProviderError(.unavailable, "unreachable")
        }
        let simwatch = Simwatch(
            config: f.config,
            store: f.store,
            providers: ProviderFactory(overrides: ["l1": slow, "l2": f.provider]),
            channels: ["journal": f.channel],
            logger: .init(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })
        )
        try await simwatch.start(now: t0)
        await simwatch.runDue(now: t0)
        await simwatch.drain()
        await simwatch.runDue(now: t0)
        await simwatch.drain()
        // l2 was read and reminded while l1 hung; l1 ended as a timeout and retries in 30 s.
        #expect(f.channel.delivered.map(\.lineID) == ["l2"])
        #expect(simwatch.queries.latestReading(of: "l1") == nil)
        let wake = try #require(await simwatch.nextWake())
        #expect(wake.timeIntervalSince(t0) <= 31)
    }
}

@Suite struct RenewalScopeTests {
    @Test func renewalLeavesCreditAndStaleAlertsAlone() async throws {
        let t0 = DaemonFixture.t0
        let credit = Rule(
            id: "credit",
            kind: .creditBelow(Money(amount: 5, currency: "EUR")),
            severity: .warning,
            repeatPolicy: .once
        )
        let f = try DaemonFixture(rules: [DaemonFixture.lowData(.once), credit])
        f.provider.replace { r in
            Reading(
                lineID: r.line.id,
                observedAt: r.now,
                remaining: ByteCount(bytes: 100_000_000),
                credit: Money(amount: 2, currency: "EUR"),
                source: "script"
            )
        }
        let simwatch = f.simwatch()
        try await simwatch.start(now: t0)
        await simwatch.settle(now: t0)
        f.provider.replace { r in
            Reading(
                lineID: r.line.id,
                observedAt: r.now,
                remaining: ByteCount(bytes: 900_000_000),
                credit: Money(amount: 2, currency: "EUR"),
                source: "script"
            )
        }
        await simwatch.settle(now: t0 + .hours(1))
        #expect(f.channel.delivered.map(\.kind) == [.lowData, .creditLow, .renewed])
        #expect(simwatch.queries.firingAlerts().map(\.ruleID) == ["credit"])
    }
}

@Suite struct ConcurrencyBoundTests {
    @Test func linesOverTheBoundWaitWithoutSpinning() async throws {
        let t0 = DaemonFixture.t0
        var f = try DaemonFixture(rules: [])
        f.config.daemon.maxConcurrentPolls = 1
        for id in ["l2", "l3"] {
            var line = f.config.lines[0]
            line.id = id
            f.config.lines.append(line)
        }
        let calls = ScriptedProvider { request in
            try await Task.sleep(nanoseconds: 50_000_000)
            return Reading(
                lineID: request.line.id,
                observedAt: request.now,
                remaining: ByteCount(bytes: 1),
                source: "s"
            )
        }
        let simwatch = Simwatch(
            config: f.config,
            store: f.store,
            providers: ProviderFactory(overrides: ["l1": calls, "l2": calls, "l3": calls]),
            channels: ["journal": f.channel],
            logger: .init(label: "t", factory: { _ in SwiftLogNoOpLogHandler() }),
            timing: PollTiming(jitter: 0)
        )
        try await simwatch.start(now: t0)
        await simwatch.runDue(now: t0)
        // One poll runs; the two others wait for a slot, not for the timer: the next wake is the next interval.
        #expect(calls.callCount <= 1)
        #expect(await simwatch.nextWake() == nil)
        for _ in 0..<3 {
            await simwatch.drain()
            await simwatch.runDue(now: t0)
        }
        await simwatch.drain()
        #expect(calls.callCount == 3)
        #expect(await simwatch.nextWake() == t0 + .hours(1))
    }
}
