import FoundationEssentials
import SimwatchCore
import Testing

/// Numbers from outside are checked before they become integers or dates: each out-of-range value is a clear
/// error naming the figure and the limit, never a trap.
@Suite struct PlausibleTests {
    // 9223372036854775807 (Int64.max, an "unlimited" marker) becomes 2⁶³ as a Double, the value JSON decoders
    // hand over; the smallest subnormal stands for 1e-320.
    @Test(
        arguments: [
            (9_223_372_036_854_775_808, "more than 1 PB"), (-9_223_372_036_854_775_808, "is negative"),
            (1e19, "more than 1 PB"), (-1e19, "is negative"), (1e308, "more than 1 PB"),
            (.infinity, "not a finite number"), (-.infinity, "not a finite number"), (.nan, "not a finite number"),
            (1e15 + 1, "more than 1 PB"), (-1, "is negative"),
        ] as [(Double, String)]
    )
    func bytesOutOfRange(value: Double, fragment: String) {
        #expect {
            try Plausible.bytes(value, what: "`remaining`")
        } throws: { error in
            let message = (error as? UnitParseError)?.message ?? ""
            return message.contains(fragment) && message.hasPrefix("`remaining`")
        }
    }

    @Test(
        arguments: [
            (0, 1, 0), (-0.0, 1, 0), (.leastNonzeroMagnitude, 1, 0), (1.4, 1, 1), (1.5, 1, 2),
            (1e15, 1, 1_000_000_000_000_000),
            (1.5, 1e6, 1_500_000), (1e6, 1e9, 1_000_000_000_000_000),
        ] as [(Double, Double, Int64)]
    )
    func bytesInRange(value: Double, unit: Double, bytes: Int64) throws {
        #expect(try Plausible.bytes(value, unit: unit, what: "x").bytes == bytes)
    }

    @Test func unitMultiplicationIsChecked() {
        // 1e13 MB (an Airalo body) is 10¹⁹ bytes: beyond Int64 after the multiplication only.
        #expect(throws: UnitParseError.self) { try Plausible.bytes(1e13, unit: 1e6, what: "`remaining`") }
        #expect(throws: UnitParseError.self) { try Plausible.bytes(1e300, unit: 1e300, what: "`total`") }
    }

    @Test(
        arguments: [
            9_223_372_036_854_775_808, 9.3e18, -9.3e18, 1e308, .infinity, -.infinity, .nan,
        ] as [Double]
    )
    func integerRefusesWhatInt64WouldTrapOn(value: Double) {
        #expect(Plausible.integer(value) == nil)
    }

    @Test(
        arguments: [
            (0, 0), (-0.0, 0), (2.5, 3), (-2.5, -3), (.leastNonzeroMagnitude, 0), (-9_223_372_036_854_775_808, .min),
            (9_223_372_036_854_774_784, 9_223_372_036_854_774_784),
        ] as [(Double, Int64)]
    )
    func integerConvertsWhatFits(value: Double, expected: Int64) {
        #expect(Plausible.integer(value) == expected)
    }

    @Test(
        arguments: [
            ("0", 0), ("+12", 12), ("-12", -12), ("9223372036854775807", .max), ("-9223372036854775808", .min),
        ] as [(String, Int64)]
    )
    func decimalStrings(text: String, value: Int64) {
        #expect(Plausible.integer(parsing: text) == value)
    }

    @Test(arguments: [
        "", "-", "+", "9223372036854775808", "-9223372036854775809", "99999999999999999999", "1e3", " 1", "١٢",
        "0x10", "1.0",
    ])
    func decimalStringsThatAreNotInt64(text: String) {
        #expect(Plausible.integer(parsing: text) == nil)
    }

    @Test(
        arguments: [
            (-1, "outside 1970-01-01 to 9999-12-31"), (253_402_300_800, "outside 1970-01-01 to 9999-12-31"),
            (1e19, "outside"), (-1e19, "outside"), (.infinity, "not a finite time"), (.nan, "not a finite time"),
            (-2_208_988_800, "outside"),  // 1900-01-01
            (3_093_527_980_800, "outside"),  // year 99999
        ] as [(Double, String)]
    )
    func datesOutOfRange(seconds: Double, fragment: String) {
        #expect {
            try Plausible.date(secondsSince1970: seconds, what: "`expires_at`")
        } throws: { error in
            ((error as? UnitParseError)?.message ?? "").contains(fragment)
        }
    }

    @Test func datesAtTheLimits() throws {
        #expect(try Plausible.date(secondsSince1970: 0, what: "x") == Plausible.earliestDate)
        #expect(try Plausible.date(secondsSince1970: 253_402_300_799, what: "x") == Plausible.latestDate)
        let latest = try Date(parsing: "9999-12-31T23:59:59Z", zone: .utc)
        #expect(try Plausible.date(latest, what: "x") == latest)
        let tooEarly = try Date(parsing: "0000-01-01", zone: .utc)
        #expect {
            try Plausible.date(tooEarly, what: "`expires`")
        } throws: { error in
            (error as? UnitParseError)?.message
                == "`expires` 0000-01-01T00:00:00+00:00 is outside 1970-01-01 to 9999-12-31"
        }
    }

    @Test(
        arguments: [
            (1e19, "longer than 100 years"), (3_155_760_001, "longer than 100 years"), (-1, "negative"),
            (.nan, "not a finite"), (.infinity, "not a finite"), (99_999_999_999, "longer than 100 years"),
        ] as [(Double, String)]
    )
    func spansOutOfRange(seconds: Double, fragment: String) {
        #expect {
            try Plausible.span(seconds: seconds, what: "`valid_for`")
        } throws: { error in
            ((error as? UnitParseError)?.message ?? "").contains(fragment)
        }
    }

    @Test func spansInRange() throws {
        #expect(try Plausible.span(seconds: 90.4, what: "x") == TimeSpan(seconds: 90))
        #expect(try Plausible.span(seconds: 3_155_760_000, what: "x").seconds == Plausible.maximumSeconds)
        #expect(throws: UnitParseError.self) { try Plausible.span(TimeSpan(seconds: .max), what: "x") }
        #expect(throws: UnitParseError.self) { try Plausible.span(TimeSpan(seconds: -1), what: "x") }
    }

    @Test func money() throws {
        #expect(try Plausible.money(4.525, currency: "EUR", what: "x").amount == Decimal(string: "4.53"))
        #expect(try Plausible.money(-1.2, currency: "EUR", what: "x").amount == Decimal(string: "-1.2"))
        for value in [1e13, -1e13, 9_223_372_036_854_775_808, .infinity, .nan, 1e308] as [Double] {
            #expect(throws: UnitParseError.self) { try Plausible.money(value, currency: "EUR", what: "`credit`") }
        }
        let huge = Money(amount: Decimal(string: "1000000000000.01")!, currency: "EUR")
        #expect(throws: UnitParseError.self) { try Plausible.money(huge, what: "x") }
    }

    @Test(arguments: [Int.max, Int.min, 99_999, -1, 0])
    func absurdCalendarFieldsGiveAnInstantThatIsRefusedNotATrap(field: Int) {
        let date = ZoneInfo.utc.date(year: field, month: field, day: field, hour: field, minute: field, second: field)
        #expect(date.timeIntervalSince1970.isFinite)
        #expect(throws: UnitParseError.self) { try Plausible.date(date, what: "x") }
    }
}
