import FoundationEssentials
import SimwatchCtlKit
import SimwatchModel
import Testing

/// `now` is Friday 27 November 2026, 10:00 CET.
@Suite struct TimeArgumentTests {
    @Test(
        arguments: [
            ("2026-12-01 09:00", "2026-12-01T09:00:00+01:00"),
            ("2026-12-01", "2026-12-01T00:00:00+01:00"),
            ("2026-12-01T09:00", "2026-12-01T09:00:00+01:00"),
            ("2026-12-01T09:00:00+01:00", "2026-12-01T09:00:00+01:00"),
            ("2026-12-01T08:00:00Z", "2026-12-01T09:00:00+01:00"),
            ("2026-07-01 12:00", "2026-07-01T12:00:00+02:00"),
            ("now", "2026-11-27T10:00:00+01:00"),
            ("tomorrow", "2026-11-28T09:00:00+01:00"),
            ("Tomorrow 18:30", "2026-11-28T18:30:00+01:00"),
            ("today 18:00", "2026-11-27T18:00:00+01:00"),
            ("monday", "2026-11-30T09:00:00+01:00"),
            ("mon", "2026-11-30T09:00:00+01:00"),
            ("friday", "2026-12-04T09:00:00+01:00"),
            ("fri 8am", "2026-12-04T08:00:00+01:00"),
            ("sunday 6:30pm", "2026-11-29T18:30:00+01:00"),
            ("saturday 12am", "2026-11-28T00:00:00+01:00"),
            ("thursday 12pm", "2026-12-03T12:00:00+01:00"),
            ("18:30", "2026-11-27T18:30:00+01:00"),
            ("9:00", "2026-11-28T09:00:00+01:00"),
            ("in 2d", "2026-11-29T10:00:00+01:00"),
            ("in 1h 30m", "2026-11-27T11:30:00+01:00"),
            ("+12h", "2026-11-27T22:00:00+01:00"),
        ]
    )
    func parses(input: String, expected: String) throws {
        let date = try TimeArgument.parse(input, now: friday, zone: paris)
        #expect(date.iso8601(in: paris) == expected)
    }

    @Test(
        arguments: [
            ("", "empty time"),
            ("someday", "'someday' is not a time"),
            ("25:00", "hour 25 is out of range"),
            ("9:7", "minutes out of range"),
            ("monday 9", "'monday 9' is not a time"),
            ("today", "'today' needs a time"),
            ("13pm", "hour 13 is out of range"),
            ("tomorrow 9:00 sharp", "is not a time"),
            ("in 3 months", "no fixed length"),
            ("2026-13-01", "month 13 is out of range"),
            ("2026-02-30 10:00", "day 30 is out of range"),
        ]
    )
    func rejects(input: String, fragment: String) {
        #expect {
            try TimeArgument.parse(input, now: friday, zone: paris)
        } throws: { error in
            guard let error = error as? UnitParseError else { return false }
            return error.message.contains(fragment) && error.input == input && error.hint != nil
        }
    }

    @Test func bareHourAsksForMinutes() {
        do {
            _ = try TimeArgument.parse("monday 9", now: friday, zone: paris)
            Issue.record("accepted")
        } catch {
            #expect(error.hint == "write the time as 9:00")
        }
    }

    @Test(
        arguments: [
            ("7d", "2026-11-20T10:00:00+01:00"),
            ("12h", "2026-11-26T22:00:00+01:00"),
            ("yesterday", "2026-11-26T00:00:00+01:00"),
            ("yesterday 18:00", "2026-11-26T18:00:00+01:00"),
            ("2026-11-01", "2026-11-01T00:00:00+01:00"),
            ("monday", "2026-11-23T00:00:00+01:00"),
            ("Fri", "2026-11-20T00:00:00+01:00"),
            ("thursday 12:00", "2026-11-26T12:00:00+01:00"),
            ("tomorrow", "2026-11-28T09:00:00+01:00"),
        ]
    )
    func parsesStartsOfRanges(input: String, expected: String) throws {
        #expect(try TimeArgument.parsePast(input, now: friday, zone: paris).iso8601(in: paris) == expected)
    }

    @Test(arguments: ["monday 9", "yesterday at noon"])
    func rejectsStartsOfRanges(input: String) {
        #expect(throws: UnitParseError.self) { try TimeArgument.parsePast(input, now: friday, zone: paris) }
    }

    @Test(arguments: [("2d", 172_800), ("12h", 43_200), ("1h30m", 5400), ("30 days", 2_592_000)] as [(String, Int64)])
    func parsesDurations(input: String, seconds: Int64) throws {
        #expect(try TimeArgument.duration(input).seconds == seconds)
    }

    @Test(arguments: ["0s", "12", "-2d", "2 fortnights"])
    func rejectsDurations(input: String) {
        #expect(throws: UnitParseError.self) { try TimeArgument.duration(input) }
    }

    @Test(arguments: ["0000-01-01", "1969-12-31T23:59:59Z", "1900-01-01 09:00"])
    func datesBefore1970AreRefused(input: String) {
        #expect {
            try TimeArgument.parse(input, now: friday, zone: paris)
        } throws: { error in
            (error as? UnitParseError)?.message == "'\(input)' is outside 1970-01-01 to 9999-12-31"
        }
    }

    @Test func theLastFourDigitInstantIsAccepted() throws {
        let date = try TimeArgument.parse("9999-12-31T23:59:59Z", now: friday, zone: paris)
        #expect(date == Plausible.latestDate)
    }

    @Test(arguments: ["in 9999999999999d", "+99999999999999w", "in 36525d 1s"])
    func absurdOffsetsAreAClearError(input: String) {
        #expect {
            try TimeArgument.parse(input, now: friday, zone: paris)
        } throws: { error in
            (error as? UnitParseError)?.message.contains("longer than 100 years") == true
        }
    }

    @Test(arguments: ["9999999999999d", "99999999999999w", "36525d 1s"])
    func absurdDurationsAreAClearError(input: String) {
        #expect {
            try TimeArgument.duration(input)
        } throws: { error in
            (error as? UnitParseError)?.message == "duration '\(input)' is longer than 100 years"
        }
    }

    @Test func pastStartsBeforeTheEpochAreRefused() {
        #expect(throws: UnitParseError.self) { try TimeArgument.parsePast("36500d", now: friday, zone: paris) }
    }

    @Test func springForwardGapGivesTheInstantAfterIt() throws {
        let date = try TimeArgument.parse("2027-03-28 02:30", now: friday, zone: paris)
        #expect(date.iso8601(in: paris) == "2027-03-28T03:00:00+02:00")
    }
}
