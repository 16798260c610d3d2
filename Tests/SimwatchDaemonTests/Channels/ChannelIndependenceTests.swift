import FoundationEssentials
import Logging
import SimwatchChannels
import SimwatchConfig
import SimwatchCore
import SimwatchDaemon
import SimwatchProviders
import SimwatchStore
import SimwatchTestKit
import Testing

/// A channel that never answers (and ignores cancellation), like a hung mail server.
final class HangingChannel: NotificationChannel {
    func deliver(_ reminder: Reminder) async throws {
        while true { try? await Task.sleep(nanoseconds: 60_000_000_000) }
    }
}

@Suite struct ChannelIndependenceTests {
    @Test func aHungChannelNeitherDelaysOthersNorStaysStuck() async throws {
        let t0 = DaemonFixture.t0
        var f = try DaemonFixture(rules: [DaemonFixture.lowData(.once)])
        f.config.lines[0].channels = ["journal", "slow"]
        f.config.channels = [
            ChannelSettings(name: "slow", kind: DesktopSettings(), attemptTimeout: TimeSpan(seconds: 1))
        ]
        let simwatch = Simwatch(
            config: f.config,
            store: f.store,
            providers: ProviderFactory(overrides: ["l1": f.provider]),
            channels: ["journal": f.channel, "slow": HangingChannel()],
            logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }),
            random: { 0.5 }
        )
        try await simwatch.start(now: t0)
        await simwatch.runDue(now: t0)
        await simwatch.drain()  // the poll; it queued one reminder per channel
        let started = ContinuousClock.now
        await simwatch.runDue(now: t0)
        while f.channel.delivered.isEmpty, started.duration(to: .now) < .seconds(3) {
            try await Task.sleep(nanoseconds: 10_000_000)
        }
        #expect(f.channel.delivered.map(\.id) == ["l1/low/1/1/journal"])
        #expect(started.duration(to: .now) < .seconds(1), "the journal waited for the hung channel")
        // While the slow channel's worker runs, its due reminder does not make the run loop spin.
        let wake = await simwatch.nextWake()
        #expect(wake.map { $0 > t0 } ?? true)

        await simwatch.drain()  // the hung attempt times out (timeout + 5 s backstop)
        #expect(started.duration(to: .now) < .seconds(10))
        let slow = try f.store.outbox.list(state: nil, channel: "slow", limit: 10)
        #expect(slow.map(\.state) == [.pending])
        #expect(slow.first?.attempts == 1)
        #expect(slow.first?.lastError?.hasPrefix("timeout:") == true)
        #expect(slow.first?.nextAttempt == t0 + TimeSpan(seconds: 60))
    }

    @Test func remindersToAChannelNoLongerConfiguredAreDeadLettered() async throws {
        let t0 = DaemonFixture.t0
        var f = try DaemonFixture(rules: [DaemonFixture.lowData(.once)])
        f.config.lines[0].channels = ["journal", "gone"]
        let simwatch = f.simwatch()
        try await simwatch.start(now: t0)
        await simwatch.settle(now: t0)
        let dead = try f.store.outbox.list(state: .dead, channel: nil, limit: 10)
        #expect(dead.map(\.reminder.id) == ["l1/low/1/1/gone"])
        #expect(simwatch.queries.outboxCounts().dead == 1)
    }
}
