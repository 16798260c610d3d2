import FoundationEssentials
import SimwatchConfig
import SimwatchCore
import SimwatchProviders
import SimwatchStore
import SimwatchTestKit
import Testing

@testable import SimwatchDaemon

/// Polls' writes that arrive while the state thread is busy share one transaction; each caller still learns whether
/// its own writes were saved, and memory follows the disk.
@Suite struct GroupCommitTests {
    let t0 = DaemonFixture.t0

    /// A fixture of `count` lines l1…lN, started (every line adopted), nothing polled yet.
    func started(_ count: Int, store: StateStore? = nil) async throws -> (Simwatch, [Line]) {
        var f = try DaemonFixture(rules: [DaemonFixture.lowData(.once)], store: store)
        let first = f.config.lines[0]
        f.config.lines = (1...count).map { index in
            var line = first
            line.id = "l\(index)"
            return line
        }
        let simwatch = f.simwatch()
        try await simwatch.start(now: t0)
        return (simwatch, f.config.lines)
    }

    static func reading(_ line: Line, at now: Date, remaining: Int64) -> AssessmentTrigger {
        .poll(
            .success(Reading(lineID: line.id, observedAt: now, remaining: ByteCount(bytes: remaining), source: "s")),
            attemptRecorded: true
        )
    }

    /// Starts one grouped judgement per line from the ledger's own thread, in order, so every one has made its
    /// writes before the first commit runs (the state thread serves its jobs in order); returns what each came to.
    static func judgeTogether(
        _ ledger: isolated Ledger,
        _ lines: [Line],
        now: Date
    ) -> [Task<Ledger.Judgement, Never>] {
        lines.map { line in
            Task { await ledger.judgeGrouped(line, trigger: reading(line, at: now, remaining: 100_000_000), now: now) }
        }
    }

    @Test func judgementsWaitingTogetherShareOneTransaction() async throws {
        let (simwatch, lines) = try await started(6)
        let before = simwatch.ledger.store.transactions
        let tasks = await Self.judgeTogether(simwatch.ledger, lines, now: t0)
        var committed = 0
        for task in tasks {
            if case .committed(let outcome) = await task.value {
                committed += 1
                #expect(outcome.reminders.count == 1)
            }
        }
        #expect(committed == 6)
        #expect(simwatch.ledger.store.transactions == before + 1)
        // On disk and in memory alike: every line's reading and its low-data alert.
        #expect(try simwatch.ledger.store.outbox.pendingByChannel()["journal"] == 6)
        for line in lines {
            #expect(simwatch.queries.latestReading(of: line.id)?.remaining == ByteCount(bytes: 100_000_000))
        }
        #expect(await simwatch.ledger.firingCount == 6)
    }

    @Test func aWriteTheDatabaseRefusesRefusesOnlyItsOwnLine() async throws {
        let disk = try DatabaseFault()
        let (simwatch, lines) = try await started(4, store: disk.store)
        try disk.failInserts(into: "reading", line: "l2")
        let tasks = await Self.judgeTogether(simwatch.ledger, lines, now: t0)
        var refused: [String] = []
        for (line, task) in zip(lines, tasks) {
            if case .refused(let retryAt) = await task.value {
                refused.append(line.id)
                #expect(retryAt > t0)
            }
        }
        #expect(refused == ["l2"])
        #expect(simwatch.queries.latestReading(of: "l2") == nil)
        for id in ["l1", "l3", "l4"] { #expect(simwatch.queries.latestReading(of: id) != nil) }
        #expect(await simwatch.ledger.firingCount == 3)
    }

    /// Two polls of one line judged in one round: the second commits the first before it looks at the line, so it
    /// sees the alert the first raised and the reminder goes out once.
    @Test func twoJudgementsOfOneLineInOneRoundRemindOnce() async throws {
        let (simwatch, lines) = try await started(1)
        let tasks = await Self.judgeTogether(simwatch.ledger, [lines[0], lines[0]], now: t0)
        var reminders: [Int] = []
        for task in tasks {
            guard case .committed(let outcome) = await task.value else {
                Issue.record("a judgement was refused")
                return
            }
            reminders.append(outcome.reminders.count)
        }
        #expect(reminders == [1, 0])
        #expect(try simwatch.ledger.store.outbox.pendingByChannel()["journal"] == 1)
        #expect(await simwatch.ledger.firingCount == 1)
    }

    @Test func anotherWriteOfTheSameLineCommitsTheGroupFirst() async throws {
        let (simwatch, lines) = try await started(2)
        let ledger = simwatch.ledger
        // A poll's judgement waits in the group; a renewal of the same line then builds on it, not on what it
        // replaced: the low-data alert it raised is there to be resolved.
        let tasks = await Self.judgeTogether(ledger, [lines[0]], now: t0)
        let renewed = try await simwatch.actions.renew(
            "l1",
            data: ByteCount(bytes: 1_000_000_000),
            validFor: .days(30),
            expires: nil,
            now: t0 + .minutes(1)
        )
        guard case .committed = await tasks[0].value else {
            Issue.record("the poll's judgement was refused")
            return
        }
        #expect(renewed.quota == ByteCount(bytes: 1_000_000_000))
        #expect(await ledger.firingCount == 0)
        let record = try #require(try await simwatch.queries.lineState("l1", now: t0 + .minutes(1)).record)
        #expect(record.renewals == 1)
    }
}
