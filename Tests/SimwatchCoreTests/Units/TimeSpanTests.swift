import FoundationEssentials
import SimwatchCore
import Testing

@Suite struct TimeSpanTests {
    @Test(
        arguments: [
            ("90s", 90), ("15m", 900), ("12h", 43_200), ("3d", 259_200), ("2w", 1_209_600), ("1h30m", 5400),
            ("1d 12h", 129_600), ("1.5h", 5400), ("0,5d", 43_200), ("3 days", 259_200), ("12 hours", 43_200),
            ("1 week", 604_800), ("30 min", 1800), ("45 sec", 45), ("1 hour 30 minutes", 5400),
            ("1 day, 12 hours", 129_600), ("1h,30m", 5400), ("2H", 7200), ("1H30M", 5400), ("0s", 0), ("  15m ", 900),
            ("1m30s", 90), ("1.25m", 75), ("0.4s", 0), ("0.5s", 1), ("10 hrs", 36_000), ("2 wks", 1_209_600),
            ("1w 2d", 777_600), ("1 second", 1), ("2 mins", 120), ("1 hr", 3600), ("1 day", 86_400), ("5 secs", 5),
            ("1d12h30m15s", 131_415), ("0,25 h", 900),
        ] as [(String, Int64)]
    )
    func parses(input: String, seconds: Int64) throws {
        #expect(try TimeSpan(parsing: input).seconds == seconds)
    }

    static let units = "use s, m, h, d or w (or seconds, minutes, hours, days, weeks)"

    @Test(
        arguments: [
            ("", "empty duration", "write e.g. 90s, 15m, 1h30m, 12h, 3d or 2w"),
            ("15", "duration '15' has no unit", "add a unit, e.g. 15m"),
            ("1,5", "duration '1,5' has no unit", "add a unit, e.g. 1.5m"),
            ("1h30", "missing unit after 30", "add a unit, e.g. 1h30m"),
            ("-5m", "negative", "write e.g. 90s, 15m, 1h30m, 12h, 3d or 2w"),
            ("5 fortnights", "unknown time unit 'fortnights'", units),
            ("5ms", "unknown time unit 'ms'", units),
            ("3 months", "no fixed length", "use days or weeks, e.g. 30d or 4w"),
            ("1y", "no fixed length", "use days or weeks, e.g. 30d or 4w"),
            ("h", "unexpected 'h'", "write e.g. 90s, 15m, 1h30m, 12h, 3d or 2w"),
            ("1h+30m", "unexpected '+'", "write e.g. 90s, 15m, 1h30m, 12h, 3d or 2w"),
            ("99999999999999w", "longer than 100 years", nil),
            ("9999999999999d", "longer than 100 years", nil),
            ("101w 36600d", "longer than 100 years", nil),
            ("3155760001s", "longer than 100 years", nil),
            ("99999999999999999999999999999999999999999s", "longer than 100 years", nil),
        ] as [(String, String, String?)]
    )
    func rejects(input: String, fragment: String, hint: String?) {
        do {
            let parsed = try TimeSpan(parsing: input)
            Issue.record("'\(input)' parsed as \(parsed.seconds) s")
        } catch {
            #expect(error.input == input)
            #expect(error.message.contains(fragment), "\(error.message)")
            #expect(error.hint == hint)
        }
    }

    @Test(
        arguments: [
            (0, "0s"), (45, "45s"), (900, "15m"), (5400, "1h 30m"), (259_200, "3d"), (187_200, "2d 4h"),
            (1_209_600, "2w"), (604_800, "1w"), (864_000, "10d"), (3661, "1h 1m"), (86_401, "1d 1s"),
            (90_061, "1d 1h"), (-5400, "-1h 30m"), (90, "1m 30s"), (1_216_800, "14d 2h"),
        ] as [(Int64, String)]
    )
    func describes(seconds: Int64, text: String) {
        #expect(TimeSpan(seconds: seconds).description == text)
    }

    @Test(arguments: [0, 45, 900, 5400, 259_200, 187_200, 1_209_600, 864_000, 90, 86_460, 86_401] as [Int64])
    func descriptionParsesBackExactly(seconds: Int64) throws {
        let span = TimeSpan(seconds: seconds)
        #expect(try TimeSpan(parsing: span.description) == span)
    }

    @Test func factoriesAndArithmetic() {
        #expect(TimeSpan.minutes(15).seconds == 900)
        #expect(TimeSpan.hours(12).seconds == 43_200)
        #expect(TimeSpan.days(3).seconds == 259_200)
        #expect(TimeSpan.weeks(2).seconds == 1_209_600)
        #expect(TimeSpan.hours(1) + .minutes(30) == TimeSpan(seconds: 5400))
        #expect(TimeSpan.hours(1) - .minutes(30) == .minutes(30))
        #expect(TimeSpan.minutes(90).timeInterval == 5400)
        #expect(TimeSpan.minutes(59) < .hours(1))
        let start = Date(timeIntervalSince1970: 1_800_000_000)
        #expect(start + .hours(2) == Date(timeIntervalSince1970: 1_800_007_200))
        #expect(start - .days(1) == Date(timeIntervalSince1970: 1_799_913_600))
    }

    @Test func codesAsIntegerSeconds() throws {
        let json = try JSONEncoder().encode([TimeSpan.minutes(15)])
        #expect(String(decoding: json, as: UTF8.self) == "[900]")
        #expect(try JSONDecoder().decode([TimeSpan].self, from: json) == [.minutes(15)])
    }
}
