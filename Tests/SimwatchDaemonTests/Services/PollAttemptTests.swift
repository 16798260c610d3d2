import FoundationEssentials
import Logging
import SimwatchCore
import SimwatchDaemon
import SimwatchProviders
import SimwatchStore
import SimwatchTestKit
import Testing

/// A poll counts as attempted before its provider is asked, so a reply that kills the daemon does not come back
/// first after every restart.
@Suite struct PollAttemptTests {
    let t0 = DaemonFixture.t0

    @Test func aPollThatNeverFinishedWaitsItsIntervalAfterARestart() async throws {
        let disk = try DatabaseFault()
        let poison = ScriptedProvider { _ in
            try await Task.sleep(nanoseconds: 600_000_000_000)  // the daemon dies while this read runs
            throw ProviderError(.unavailable, "never answered")
        }
        let f = try DaemonFixture(rules: [DaemonFixture.lowData(.once)], store: disk.store, provider: poison)
        let first = f.simwatch()
        try await first.start(now: t0)
        await first.runDue(now: t0)

        // Restarted a minute later, with the attempt on disk: the line is not polled first, but after its interval.
        let counting = ScriptedProvider { r in
            Reading(lineID: r.line.id, observedAt: r.now, remaining: ByteCount(bytes: 1), source: "script")
        }
        let second = Simwatch(
            config: f.config,
            store: disk.store,
            providers: ProviderFactory(overrides: ["l1": counting]),
            channels: ["journal": f.channel],
            logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }),
            timing: PollTiming(jitter: 0)
        )
        let restart = t0 + .minutes(1)
        try await second.start(now: restart)
        await second.settle(now: restart)
        #expect(counting.callCount == 0)
        #expect(await second.nextWake() == t0 + .hours(1))
        let record = try #require(try await second.queries.lineState("l1", now: restart).record)
        #expect(record.lastAttempt == t0)
        #expect(record.polls == 1)
        await second.settle(now: t0 + .hours(1))
        #expect(counting.callCount == 1)
        #expect(try await second.queries.lineState("l1", now: t0 + .hours(1)).record?.polls == 2)
        await first.shutdown(now: restart)
    }

    @Test func aFinishedPollCountsOnce() async throws {
        let f = try DaemonFixture(rules: [])
        let simwatch = f.simwatch()
        try await simwatch.start(now: t0)
        await simwatch.settle(now: t0)
        await simwatch.settle(now: t0 + .hours(1))
        let record = try #require(try await simwatch.queries.lineState("l1", now: t0 + .hours(1)).record)
        #expect(record.polls == 2)
        #expect(record.lastAttempt == t0 + .hours(1))
        #expect(record.lastSuccess == t0 + .hours(1))
    }
}
