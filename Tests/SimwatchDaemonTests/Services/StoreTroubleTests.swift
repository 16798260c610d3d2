import FoundationEssentials
import Testing

@testable import SimwatchDaemon

@Suite struct StoreTroubleTests {
    static let t0 = Date(timeIntervalSince1970: 1_795_132_800)

    @Test func delaysDoubleUpToFiveMinutes() {
        var trouble = StoreTrouble(since: Self.t0, error: "database is locked", timeScale: 1)
        #expect(trouble.retryAt == Self.t0 + 1)
        var delays: [TimeInterval] = []
        var now = Self.t0
        for _ in 0..<12 {
            now = trouble.retryAt
            trouble.failedAgain("database or disk is full", now: now, timeScale: 1)
            delays.append(trouble.retryAt.timeIntervalSince(now))
        }
        #expect(delays == [2, 4, 8, 16, 32, 64, 128, 256, 300, 300, 300, 300])
        #expect(trouble.failures == 13)
        #expect(trouble.error == "database or disk is full")
        #expect(trouble.since == Self.t0)
    }

    @Test func delaysAreRealSecondsUnderATimeScale() {
        var trouble = StoreTrouble(since: Self.t0, error: "locked", timeScale: 3600)
        #expect(trouble.retryAt == Self.t0 + 3600)
        trouble.failedAgain("locked", now: Self.t0, timeScale: 3600)
        #expect(trouble.retryAt == Self.t0 + 7200)
    }

    @Test func manyFailuresStayFiniteAndLogRarely() {
        var trouble = StoreTrouble(since: Self.t0, error: "full", timeScale: 1)
        var logged: [Int] = [trouble.failures]
        for _ in 0..<100_000 {
            trouble.failedAgain("full", now: Self.t0, timeScale: 1)
            if trouble.worthLogging { logged.append(trouble.failures) }
        }
        #expect(logged == [1, 10, 100, 1000, 10000, 100000])
        #expect(trouble.retryAt == Self.t0 + 300)
    }
}
