import FoundationEssentials
import SimwatchCore
import SimwatchDaemon
import SimwatchStore
import SimwatchTestKit
import Testing

/// What the simwatch reports happened, happened: a write that failed is an error, and a reminder of an alert that
/// ended is not delivered late.
@Suite struct CommitTruthTests {
    let t0 = DaemonFixture.t0

    @Test func recordFailsWhenTheReadingCannotBeSaved() async throws {
        let disk = try DatabaseFault()
        let f = try DaemonFixture(rules: [DaemonFixture.lowData(.once)], store: disk.store)
        let simwatch = f.simwatch()
        try await simwatch.start(now: t0)
        try disk.failInserts(into: "reading")
        let entry = Reading(lineID: "", observedAt: t0, remaining: ByteCount(bytes: 1_000), source: "")
        await #expect(throws: RequestError.self) {
            _ = try await simwatch.actions.record("l1", reading: entry, now: t0)
        }
        #expect(simwatch.queries.latestReading(of: "l1") == nil)
        #expect(await simwatch.ledger.trouble != nil)
    }

    @Test func renewFailsWhenItCannotBeSavedEvenAfterAnEarlierRenewal() async throws {
        let disk = try DatabaseFault()
        let f = try DaemonFixture(rules: [], store: disk.store)
        let simwatch = f.simwatch()
        try await simwatch.start(now: t0)
        let first = try await simwatch.actions.renew(
            "l1",
            data: nil,
            validFor: .days(7),
            expires: nil,
            now: t0 + .hours(1)
        )
        try disk.failInserts(into: "reading")
        await #expect(throws: RequestError.self) {
            _ = try await simwatch.actions.renew(
                "l1",
                data: nil,
                validFor: .days(30),
                expires: nil,
                now: t0 + .hours(2)
            )
        }
        // Memory still holds the renewal that was saved.
        #expect(try await simwatch.queries.lineState("l1", now: t0 + .hours(2)).period == first)
    }

    @Test func anEndedAlertCancelsAReminderAlreadyTried() async throws {
        let f = try DaemonFixture(rules: [DaemonFixture.lowData(.once)])
        let simwatch = f.simwatch()
        f.channel.setFailing(true)
        try await simwatch.start(now: t0)
        await simwatch.settle(now: t0)  // "low data" tried once, failed, retried in 60 s
        #expect(try f.store.outbox.list(state: .pending).map(\.attempts) == [1])
        f.provider.replace { r in
            Reading(
                lineID: r.line.id,
                observedAt: r.now,
                remaining: ByteCount(bytes: 1_000_000_000),
                total: ByteCount(bytes: 1_000_000_000),
                source: "script"
            )
        }
        _ = try await simwatch.actions.renew(
            "l1",
            data: ByteCount(bytes: 1_000_000_000),
            validFor: .days(30),
            expires: nil,
            now: t0 + TimeSpan(seconds: 30)
        )
        f.channel.setFailing(false)
        await simwatch.settle(now: t0 + TimeSpan(seconds: 30))
        await simwatch.settle(now: t0 + TimeSpan(seconds: 200))
        #expect(f.channel.delivered.map(\.kind) == [.renewed])
        #expect(try f.store.outbox.list(state: .cancelled).map(\.reminder.id) == ["l1/low/1/1/journal"])
    }
}
