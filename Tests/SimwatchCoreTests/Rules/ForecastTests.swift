import FoundationEssentials
import SimwatchCore
import Testing

@Suite struct ForecastTests {
    static let now = Fixture.start + .days(4)

    /// Readings every 6 hours draining `perDay` bytes a day, ending at `now` with `remaining`.
    static func history(remaining: Int64, perDay: Int64, count: Int) -> [Reading] {
        (0..<count).map { i in
            let back = count - 1 - i
            return Fixture.reading(at: now - .hours(6 * back), remaining: remaining + perDay * Int64(back) / 4)
        }
    }

    @Test func steadyDrainGivesPaceAndRunOut() {
        let recent = Self.history(remaining: 1_000_000_000, perDay: 500_000_000, count: 9)
        let f = Forecast.make(from: Fixture.snapshot(recent.last, recent: recent), now: Self.now)
        #expect(abs((f.pacePerDay?.bytes ?? 0) - 500_000_000) <= 1)
        #expect(abs((f.runsOutAt ?? .distantPast).timeIntervalSince(Self.now + .days(2))) < 1)
        // 1 GB over the 6 days left before expiry.
        #expect(f.dailyAllowance == ByteCount(bytes: 166_666_666))
    }

    @Test func notEnoughHistoryGivesNoPace() {
        let recent = [Fixture.reading(at: Self.now, remaining: 1_000_000_000)]
        let f = Forecast.make(from: Fixture.snapshot(recent.last, recent: recent), now: Self.now)
        #expect(f.pacePerDay == nil)
        #expect(f.runsOutAt == nil)
    }

    @Test func topUpRestartsTheWindow() {
        var recent = Self.history(remaining: 100_000_000, perDay: 1_000_000_000, count: 5)
        // A 5 GB top-up, then a slow 200 MB/day.
        for i in 1...4 {
            let remaining: Int64 = 5_000_000_000 - 50_000_000 * Int64(i)
            recent.append(Fixture.reading(at: Self.now + .hours(6 * i), remaining: remaining))
        }
        let later = Self.now + .days(1)
        let f = Forecast.make(from: Fixture.snapshot(recent.last, recent: recent), now: later)
        #expect(abs((f.pacePerDay?.bytes ?? 0) - 200_000_000) <= 1)
    }

    @Test func flatUsageNeverRunsOut() {
        let recent = Self.history(remaining: 1_000_000_000, perDay: 0, count: 5)
        let f = Forecast.make(from: Fixture.snapshot(recent.last, recent: recent), now: Self.now)
        #expect(f.pacePerDay == ByteCount(bytes: 0))
        #expect(f.runsOutAt == nil)
    }

    @Test(arguments: [
        (1_000_000_000, 3_000_000_000, true),
        (1_000_000_000, 1_005_000_000, false),  // under 1%: noise
        (1_000_000_000, 900_000_000, false),
    ])
    func topUpDetection(before: Int64, after: Int64, expected: Bool) {
        let a = Fixture.reading(at: Self.now, remaining: before)
        let b = Fixture.reading(at: Self.now + .hours(1), remaining: after)
        #expect(TopUp.detected(previous: a, current: b) == expected)
    }

    @Test func laterExpiryIsARenewal() {
        let a = Fixture.reading(at: Self.now, remaining: 10)
        let b = Fixture.reading(at: Self.now + .hours(1), remaining: 10, expires: Fixture.expiry + .days(30))
        #expect(TopUp.detected(previous: a, current: b))
        #expect(!TopUp.detected(previous: nil, current: b))
    }

    @Test func anEnormousDropSaturatesInsteadOfTrapping() {
        // Int64.max then nothing two hours later: 10²⁰ bytes a day, beyond Int64.
        let recent = [
            Fixture.reading(at: Self.now - .hours(2), remaining: .max), Fixture.reading(at: Self.now, remaining: 0),
        ]
        let f = Forecast.make(from: Fixture.snapshot(recent.last, recent: recent), now: Self.now)
        #expect(f.pacePerDay?.bytes == .max)
        let stale = [Fixture.reading(at: Self.now, remaining: .max)]
        let g = Forecast.make(from: Fixture.snapshot(stale.last, recent: stale), now: Self.now)
        #expect((g.dailyAllowance?.bytes ?? 0) > 0)
    }

    @Test(
        arguments: [
            (Int64.max, Int64.min, Int64.max), (Int64.min, 1, 0), (5, 7, 0),
            (Plausible.maximumBytes, 1, Plausible.maximumBytes - 1),
        ] as [(Int64, Int64, Int64)]
    )
    func remainingFromTotalAndUsedNeverOverflows(total: Int64, used: Int64, remaining: Int64) {
        let reading = Reading(
            lineID: "l",
            observedAt: Self.now,
            used: ByteCount(bytes: used),
            total: ByteCount(bytes: total),
            source: "test"
        )
        #expect(reading.effectiveRemaining == ByteCount(bytes: remaining))
    }

    @Test func aNearlyFlatHistoryRunsOutNever() {
        // One byte used in two hours out of a petabyte: 2 × 10¹⁵ hours to go.
        let recent = [
            Fixture.reading(at: Self.now - .hours(2), remaining: Plausible.maximumBytes),
            Fixture.reading(at: Self.now, remaining: Plausible.maximumBytes - 1),
        ]
        let f = Forecast.make(from: Fixture.snapshot(recent.last, recent: recent), now: Self.now)
        #expect(f.pacePerDay?.bytes == 12)
        #expect(f.runsOutAt == nil)
    }
}
