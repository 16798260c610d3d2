import FoundationEssentials
import SimwatchCore
import SimwatchProviders
import Testing

@Suite struct CounterAccumulatorTests {
    static let t0 = Date(timeIntervalSince1970: 1_795_132_800)
    let both = CounterAccumulator(direction: .both, maxRate: 125_000_000)

    func sample(_ rx: UInt64, _ tx: UInt64, index: Int? = 3) -> [String: InterfaceCounters] {
        ["wwan0": InterfaceCounters(rx: rx, tx: tx, ifindex: index)]
    }

    @Test func firstSampleIsABaselineThenDeltasAddUp() {
        var (state, events) = both.step(
            nil,
            bootID: "b1",
            interfaces: sample(1000, 500),
            at: Self.t0,
            periodStart: Self.t0
        )
        #expect(state.used == 0)
        #expect(events == [.firstSample])
        (state, _) = both.step(
            state,
            bootID: "b1",
            interfaces: sample(3000, 1500),
            at: Self.t0 + 60,
            periodStart: Self.t0
        )
        #expect(state.used == 3000)
        let rxOnly = CounterAccumulator(direction: .rx, maxRate: 125_000_000)
        let (next, _) = rxOnly.step(
            state,
            bootID: "b1",
            interfaces: sample(4000, 9000),
            at: Self.t0 + 120,
            periodStart: Self.t0
        )
        #expect(next.used == 4000)
    }

    @Test func aBackwardClockStepKeepsRealTraffic() {
        // 500 MB over the hour before, but the clock was set back a day meanwhile: at one second's rate the traffic
        // would be implausible and thrown away.
        let before = CounterState(
            periodStart: Self.t0,
            used: 1_000,
            bootID: "b1",
            sampledAt: Self.t0,
            interfaces: sample(1_000_000, 0)
        )
        let (state, events) = both.step(
            before,
            bootID: "b1",
            interfaces: sample(501_000_000, 0),
            at: Self.t0 - 86_400 + 3_600,
            periodStart: Self.t0
        )
        #expect(state.used == 500_001_000)
        #expect(state.discarded == 0)
        #expect(events == [.clockWentBack(seconds: 82_800)])
        // Forward again from there: judged at the real rate as before.
        let (after, more) = both.step(
            state,
            bootID: "b1",
            interfaces: sample(1_501_000_000, 0),
            at: Self.t0 - 86_400 + 3_601,
            periodStart: Self.t0
        )
        #expect(after.used == state.used)
        #expect(more.contains(.discarded("wwan0", bytes: 1_000_000_000)))
    }

    @Test func rebootCountsFromZero() {
        let before = CounterState(
            periodStart: Self.t0,
            used: 10_000,
            bootID: "b1",
            sampledAt: Self.t0,
            interfaces: sample(900_000, 100_000)
        )
        let (state, events) = both.step(
            before,
            bootID: "b2",
            interfaces: sample(700, 300),
            at: Self.t0 + 600,
            periodStart: Self.t0
        )
        #expect(state.used == 11_000)
        #expect(events.contains(.rebooted))
        #expect(state.bootID == "b2")
    }

    @Test func wraps32And64Bits() {
        let near32 = CounterState(
            periodStart: Self.t0,
            used: 0,
            bootID: "b",
            sampledAt: Self.t0,
            interfaces: sample(UInt64(UInt32.max) - 99, 0)
        )
        let (wrapped, events) = both.step(
            near32,
            bootID: "b",
            interfaces: sample(400, 0),
            at: Self.t0 + 10,
            periodStart: Self.t0
        )
        #expect(wrapped.used == 500)
        #expect(events.contains(.wrapped("wwan0", bits: 32)))

        let near64 = CounterState(
            periodStart: Self.t0,
            used: 0,
            bootID: "b",
            sampledAt: Self.t0,
            interfaces: sample(UInt64.max - 9, 5_000_000_000)
        )
        let (wrapped64, events64) = both.step(
            near64,
            bootID: "b",
            interfaces: sample(10, 5_000_000_100),
            at: Self.t0 + 10,
            periodStart: Self.t0
        )
        #expect(wrapped64.used == 120)
        #expect(events64.contains(.wrapped("wwan0", bits: 64)))
    }

    @Test func implausibleSampleIsDiscardedAndBecomesTheBaseline() {
        let start = CounterState(
            periodStart: Self.t0,
            used: 100,
            bootID: "b",
            sampledAt: Self.t0,
            interfaces: sample(1000, 1000)
        )
        // 10 seconds at 125 MB/s at most: 1.25 GB; 50 GB is impossible.
        var (state, events) = both.step(
            start,
            bootID: "b",
            interfaces: sample(50_000_001_000, 1000),
            at: Self.t0 + 10,
            periodStart: Self.t0
        )
        #expect(state.used == 100)
        #expect(state.discarded == 1)
        #expect(events.contains(.discarded("wwan0", bytes: 50_000_000_000)))
        (state, _) = both.step(
            state,
            bootID: "b",
            interfaces: sample(50_000_002_000, 1000),
            at: Self.t0 + 20,
            periodStart: Self.t0
        )
        #expect(state.used == 1100)
    }

    @Test func removedThenReaddedInterfaceCountsFromZero() {
        let start = CounterState(
            periodStart: Self.t0,
            used: 0,
            bootID: "b",
            sampledAt: Self.t0,
            interfaces: sample(5000, 5000)
        )
        var (state, _) = both.step(start, bootID: "b", interfaces: [:], at: Self.t0 + 60, periodStart: Self.t0)
        #expect(state.interfaces.isEmpty)
        var events: [CounterAccumulator.Event]
        (state, events) = both.step(
            state,
            bootID: "b",
            interfaces: sample(300, 200, index: 9),
            at: Self.t0 + 120,
            periodStart: Self.t0
        )
        #expect(state.used == 500)
        #expect(events.contains(.appeared("wwan0")))
        // Re-created between two samples: a new ifindex says so even though the name never disappeared.
        (state, events) = both.step(
            state,
            bootID: "b",
            interfaces: sample(100, 0, index: 10),
            at: Self.t0 + 180,
            periodStart: Self.t0
        )
        #expect(state.used == 600)
        #expect(events.contains(.replaced("wwan0")))
    }

    @Test func downtimeIsCountedAndANewPeriodKeepsOnlyItsShare() {
        let start = CounterState(
            periodStart: Self.t0,
            used: 7,
            bootID: "b",
            sampledAt: Self.t0,
            interfaces: sample(0, 0)
        )
        // Down for a day, same boot: the day's traffic is counted when the daemon comes back.
        var (state, _) = both.step(
            start,
            bootID: "b",
            interfaces: sample(3_000_000_000, 0),
            at: Self.t0 + 86_400,
            periodStart: Self.t0
        )
        #expect(state.used == 3_000_000_007)
        // A new period began halfway through the next interval: half of that interval's traffic is its own.
        let next = Self.t0 + 86_400 + 3600
        (state, _) = both.step(
            state,
            bootID: "b",
            interfaces: sample(3_000_001_000, 0),
            at: next,
            periodStart: next - 1800
        )
        #expect(state.used == 500)
        #expect(state.periodStart == next - 1800)
    }

    /// Sysfs counters are untrusted: several interfaces, each under the rate ceiling, can add up beyond Int64.
    @Test func hugeCountersSaturateInsteadOfTrapping() {
        let fast = CounterAccumulator(direction: .both, maxRate: .max)
        let names = ["a", "b", "c"]
        let zero = Dictionary(uniqueKeysWithValues: names.map { ($0, InterfaceCounters(rx: 0, tx: 0, ifindex: 1)) })
        let huge = Dictionary(
            uniqueKeysWithValues: names.map {
                ($0, InterfaceCounters(rx: 4_000_000_000_000_000_000, tx: 0, ifindex: 1))
            }
        )
        let start = CounterState(
            periodStart: Self.t0,
            used: .max - 10,
            bootID: "b",
            sampledAt: Self.t0,
            interfaces: zero
        )
        let (same, _) = fast.step(start, bootID: "b", interfaces: huge, at: Self.t0 + 1e9, periodStart: Self.t0)
        #expect(same.used == .max)
        let fresh = CounterState(periodStart: Self.t0, used: 0, bootID: "b", sampledAt: Self.t0, interfaces: zero)
        let (newPeriod, events) = fast.step(
            fresh,
            bootID: "b",
            interfaces: huge,
            at: Self.t0 + 1e9,
            periodStart: Self.t0 + 1
        )
        #expect(events.contains(.newPeriod))
        // 1.2 × 10¹⁹ bytes, each interface under the ceiling of 2⁶²: the period's share saturates.
        #expect(newPeriod.used == .max)
    }

    @Test func aSampleTimeFarOffDoesNotTrapTheCeiling() {
        let start = CounterState(
            periodStart: Self.t0,
            used: 0,
            bootID: "b",
            sampledAt: Date(timeIntervalSince1970: -.infinity),
            interfaces: sample(0, 0)
        )
        let (state, _) = both.step(start, bootID: "b", interfaces: sample(1000, 0), at: Self.t0, periodStart: Self.t0)
        #expect(state.used == 1000)
    }
}
