import FoundationEssentials
import SimwatchCore
import Testing

@Suite struct SchedulingTests {
    let t0 = Fixture.start

    @Test func dueQueuePopsInOrderAndHonoursReschedule() {
        var q = DueQueue()
        q.schedule("a", at: t0 + .minutes(10))
        q.schedule("b", at: t0 + .minutes(5))
        q.schedule("c", at: t0 + .minutes(20))
        q.schedule("a", at: t0 + .minutes(30))  // moved later: the old entry must not fire
        #expect(q.nextDue() == t0 + .minutes(5))
        #expect(q.popDue(now: t0 + .minutes(15)) == ["b"])
        #expect(q.popDue(now: t0 + .minutes(25)) == ["c"])
        #expect(q.nextDue() == t0 + .minutes(30))
        q.remove("a")
        #expect(q.nextDue() == nil)
        #expect(q.isEmpty)
    }

    @Test func dueQueueHandlesManyKeys() {
        var q = DueQueue()
        for i in (0..<1000).shuffled() { q.schedule("k\(i)", at: t0 + TimeSpan(seconds: Int64(i))) }
        let popped = q.popDue(now: t0 + TimeSpan(seconds: 499))
        #expect(popped == (0..<500).map { "k\($0)" })
        #expect(q.count == 500)
    }

    @Test(arguments: [
        (0, 900), (1, 30), (2, 60), (3, 120), (6, 960), (7, 1920), (8, 3600), (20, 3600),
    ])
    func backoffDoublesAndCaps(failures: Int, seconds: Int64) {
        let timing = PollTiming(jitter: 0.05)
        #expect(timing.delay(interval: .minutes(15), failures: failures, random: 0.5) == TimeSpan(seconds: seconds))
    }

    @Test func jitterStaysWithinBounds() {
        let timing = PollTiming(jitter: 0.05)
        #expect(timing.delay(interval: .minutes(20), failures: 0, random: 0) == TimeSpan(seconds: 1140))
        #expect(timing.delay(interval: .minutes(20), failures: 0, random: 0.999_999) == TimeSpan(seconds: 1260))
    }

    @Test func hugeIntervalsSaturateInsteadOfTrapping() {
        let timing = PollTiming(jitter: 0.05)
        #expect(timing.delay(interval: TimeSpan(seconds: .max), failures: 0, random: 0.999) == TimeSpan(seconds: .max))
        #expect(timing.delay(interval: TimeSpan(seconds: .max), failures: 5, random: 0.5) == TimeSpan(seconds: 480))
    }

    @Test func scaledClockRunsFasterFromAnchor() {
        let clock = ScaledClock(anchor: Date(timeIntervalSinceNow: -10), scale: 3600)
        let simulated = clock.now().timeIntervalSinceNow
        #expect(simulated > 35_000 && simulated < 37_000)
        #expect(abs(clock.realDelay(until: clock.now() + .hours(2)) - 2) < 0.1)
    }
}
