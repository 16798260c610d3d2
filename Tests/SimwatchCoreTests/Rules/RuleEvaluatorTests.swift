import FoundationEssentials
import SimwatchCore
import Testing

@Suite struct RuleEvaluatorTests {
    static let now = Fixture.start + .days(5)

    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var kind: RuleKind
        var remaining: Int64?
        var expiresIn: TimeSpan?
        var status: Reading.Status = .active
        var credit: Money? = nil
        var expected: RuleCondition
        var testDescription: String { name }
    }

    static let gb: Int64 = 1_000_000_000
    static let cases: [Case] = [
        Case(
            name: "above absolute threshold",
            kind: .dataBelow([.amount(ByteCount(bytes: gb))]),
            remaining: 2 * gb,
            expected: .clear
        ),
        Case(
            name: "below absolute threshold",
            kind: .dataBelow([.amount(ByteCount(bytes: gb))]),
            remaining: gb - 1,
            expected: .active(stage: 0)
        ),
        Case(
            name: "exactly at threshold is not below",
            kind: .dataBelow([.amount(ByteCount(bytes: gb))]),
            remaining: gb,
            expected: .clear
        ),
        Case(
            name: "second stage",
            kind: .dataBelow([.amount(ByteCount(bytes: gb)), .amount(ByteCount(bytes: gb / 5))]),
            remaining: gb / 10,
            expected: .active(stage: 1)
        ),
        Case(
            name: "percent of 5 GB: 9% < 10%",
            kind: .dataBelow([.percent(10)]),
            remaining: 450_000_000,
            expected: .active(stage: 0)
        ),
        Case(
            name: "percent of 5 GB: 11% ok",
            kind: .dataBelow([.percent(10)]),
            remaining: 550_000_000,
            expected: .clear
        ),
        Case(
            name: "unlimited plan never low",
            kind: .dataBelow([.percent(10)]),
            remaining: 0,
            status: .unlimited,
            expected: .clear
        ),
        Case(
            name: "not activated yet is not low",
            kind: .dataBelow([.percent(10)]),
            remaining: 0,
            status: .notActive,
            expected: .clear
        ),
        Case(name: "no data figure", kind: .dataBelow([.percent(10)]), remaining: nil, expected: .clear),
        Case(
            name: "expiry far away",
            kind: .expiresWithin([.days(7), .days(3), .days(1)]),
            expiresIn: .days(8),
            expected: .clear
        ),
        Case(
            name: "expiry within 7d",
            kind: .expiresWithin([.days(7), .days(3), .days(1)]),
            expiresIn: .days(5),
            expected: .active(stage: 0)
        ),
        Case(
            name: "expiry within 3d",
            kind: .expiresWithin([.days(7), .days(3), .days(1)]),
            expiresIn: .days(3),
            expected: .active(stage: 1)
        ),
        Case(
            name: "expiry within 1d",
            kind: .expiresWithin([.days(7), .days(3), .days(1)]),
            expiresIn: .hours(2),
            expected: .active(stage: 2)
        ),
        Case(
            name: "expired is the last stage",
            kind: .expiresWithin([.days(7), .days(3), .days(1)]),
            expiresIn: TimeSpan(seconds: 0),
            expected: .active(stage: 3)
        ),
        Case(
            name: "credit below",
            kind: .creditBelow(Money(amount: 5, currency: "EUR")),
            credit: Money(amount: Decimal(string: "4.52")!, currency: "EUR"),
            expected: .active(stage: 0)
        ),
        Case(
            name: "credit fine",
            kind: .creditBelow(Money(amount: 5, currency: "EUR")),
            credit: Money(amount: 12, currency: "EUR"),
            expected: .clear
        ),
        Case(
            name: "credit other currency ignored",
            kind: .creditBelow(Money(amount: 5, currency: "EUR")),
            credit: Money(amount: 1, currency: "USD"),
            expected: .clear
        ),
    ]

    @Test(arguments: cases)
    func threshold(_ c: Case) {
        let expires = c.expiresIn.map { Self.now + $0 }
        let reading = Fixture.reading(
            at: Self.now,
            remaining: c.remaining,
            expires: expires,
            status: c.status,
            credit: c.credit
        )
        var snapshot = Fixture.snapshot(reading)
        snapshot.period?.expiresAt = expires
        let result = RuleEvaluator.evaluate(
            Fixture.rule(c.kind),
            snapshot: snapshot,
            forecast: Forecast(),
            now: Self.now
        )
        #expect(result == c.expected)
    }

    @Test func staleFiresAfterDurationWithoutSuccess() {
        let reading = Fixture.reading(at: Self.now - .hours(7), remaining: 1)
        let rule = Fixture.rule(.stale(.hours(6)))
        let snapshot = Fixture.snapshot(reading)
        #expect(
            RuleEvaluator.evaluate(rule, snapshot: snapshot, forecast: Forecast(), now: Self.now) == .active(stage: 0)
        )
        #expect(
            RuleEvaluator.evaluate(rule, snapshot: snapshot, forecast: Forecast(), now: Self.now - .hours(2)) == .clear
        )
    }

    @Test func staleCountsFromWatchStartWhenNeverRead() {
        let rule = Fixture.rule(.stale(.days(1)))
        let snapshot = Fixture.snapshot(nil)
        #expect(
            RuleEvaluator.evaluate(rule, snapshot: snapshot, forecast: Forecast(), now: Fixture.start + .hours(23))
                == .clear
        )
        #expect(
            RuleEvaluator.evaluate(rule, snapshot: snapshot, forecast: Forecast(), now: Fixture.start + .hours(25))
                == .active(stage: 0)
        )
    }

    @Test func runsOutWithinUsesForecast() {
        let rule = Fixture.rule(.runsOutWithin(.days(3)))
        let snapshot = Fixture.snapshot(Fixture.reading(at: Self.now, remaining: Self.gb))
        let soon = Forecast(runsOutAt: Self.now + .days(2))
        let later = Forecast(runsOutAt: Self.now + .days(4))
        #expect(RuleEvaluator.evaluate(rule, snapshot: snapshot, forecast: soon, now: Self.now) == .active(stage: 0))
        #expect(RuleEvaluator.evaluate(rule, snapshot: snapshot, forecast: later, now: Self.now) == .clear)
        #expect(RuleEvaluator.evaluate(rule, snapshot: snapshot, forecast: Forecast(), now: Self.now) == .clear)
    }

    @Test func runsOutBeforeExpiryHasHysteresis() {
        let rule = Fixture.rule(.runsOutBeforeExpiry)
        let snapshot = Fixture.snapshot(Fixture.reading(at: Self.now, remaining: Self.gb))
        // Expiry is 5 days away; running out 2 hours after expiry clears a quiet rule but keeps a firing one.
        let justAfter = Forecast(runsOutAt: Fixture.expiry + .hours(2))
        let before = Forecast(runsOutAt: Fixture.expiry - .days(1))
        #expect(RuleEvaluator.evaluate(rule, snapshot: snapshot, forecast: before, now: Self.now) == .active(stage: 0))
        #expect(RuleEvaluator.evaluate(rule, snapshot: snapshot, forecast: justAfter, now: Self.now) == .clear)
        #expect(
            RuleEvaluator.evaluate(rule, snapshot: snapshot, forecast: justAfter, now: Self.now, firing: true)
                == .active(stage: 0)
        )
    }
}
