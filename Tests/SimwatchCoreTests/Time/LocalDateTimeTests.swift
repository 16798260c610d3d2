import FoundationEssentials
import Testing

@testable import SimwatchCore
@testable import SimwatchModel

@Suite struct LocalDateTimeTests {
    /// Expected values from `TZ=<zone> date -d @<epoch> '+%FT%T%:z|%a %-d %b %H:%M %Z'`.
    @Test(
        arguments: [
            ("Europe/Paris", 1_795_763_100, "2026-11-27T08:05:00+01:00", "Fri 27 Nov 08:05 CET", 5),
            ("Asia/Kolkata", 1_800_000_000, "2027-01-15T13:30:00+05:30", "Fri 15 Jan 13:30 IST", 5),
            ("Australia/Lord_Howe", 1_800_000_000, "2027-01-15T19:00:00+11:00", "Fri 15 Jan 19:00 +11", 5),
            ("America/New_York", 1_800_000_000, "2027-01-15T03:00:00-05:00", "Fri 15 Jan 03:00 EST", 5),
            ("UTC", 1_800_000_000, "2027-01-15T08:00:00+00:00", "Fri 15 Jan 08:00 UTC", 5),
            ("UTC", -1, "1969-12-31T23:59:59+00:00", "Wed 31 Dec 23:59 UTC", 3),
            ("UTC", 1_709_208_000, "2024-02-29T12:00:00+00:00", "Thu 29 Feb 12:00 UTC", 4),
            ("UTC", -30_610_267_200, "0999-12-31T12:00:00+00:00", "Tue 31 Dec 12:00 UTC", 2),
            ("Europe/Paris", -2_208_988_800, "1900-01-01T00:09:21+00:09:21", "Mon 1 Jan 00:09 PMT", 1),
            ("Europe/Paris", 1_774_746_000, "2026-03-29T03:00:00+02:00", "Sun 29 Mar 03:00 CEST", 7),
            ("Europe/Paris", 1_774_745_999, "2026-03-29T01:59:59+01:00", "Sun 29 Mar 01:59 CET", 7),
            ("America/Nuuk", 2_374_102_800, "2045-03-26T00:00:00-01:00", "Sun 26 Mar 00:00 -01", 7),
            ("America/Nuuk", 2_374_102_799, "2045-03-25T22:59:59-02:00", "Sat 25 Mar 22:59 -02", 6),
        ] as [(String, Int64, String, String, Int)]
    )
    func formats(identifier: String, epoch: Int64, iso8601: String, human: String, weekday: Int) throws {
        let zone = try ZoneInfo(identifier: identifier)
        let date = Date(timeIntervalSince1970: Double(epoch))
        let local = zone.localDateTime(date)
        #expect(local.iso8601 == iso8601)
        #expect(local.humanDescription == human)
        #expect(local.weekday == weekday)
        #expect(local.description == iso8601)
        #expect(local.date == date)
        #expect(date.iso8601(in: zone) == iso8601)
        #expect(try Date(parsing: iso8601, zone: .utc) == date)
    }

    @Test func fractionalSecondsRoundDown() {
        let local = ZoneInfo.utc.localDateTime(Date(timeIntervalSince1970: -0.25))
        #expect(local.iso8601 == "1969-12-31T23:59:59+00:00")
        #expect(ZoneInfo.utc.localDateTime(Date(timeIntervalSince1970: 59.999)).second == 59)
    }

    @Test func memberwiseInitComputesTheWeekday() {
        let offset = ZoneOffset(seconds: 3600, abbreviation: "CET")
        let local = LocalDateTime(year: 2026, month: 11, day: 27, hour: 8, minute: 5, second: 0, offset: offset)
        #expect(local.weekday == 5)
        #expect(local.date == Date(timeIntervalSince1970: 1_795_763_100))
    }

    @Test(arguments: [
        (0, "+00:00"), (3600, "+01:00"), (-18_000, "-05:00"), (19_800, "+05:30"), (-9000, "-02:30"),
        (49_500, "+13:45"), (561, "+00:09:21"), (-3600, "-01:00"),
    ])
    func offsetFormat(seconds: Int, text: String) {
        #expect(ZoneOffset(seconds: seconds, abbreviation: "X").iso8601 == text)
    }

    /// Wall-clock times to instants, including the gap (the instant after it) and the overlap (the earlier one).
    @Test(
        arguments: [
            ("Europe/Paris", 2026, 12, 15, 10, 0, 1_797_325_200),
            ("Europe/Paris", 2026, 3, 29, 1, 59, 1_774_745_940),
            ("Europe/Paris", 2026, 3, 29, 2, 30, 1_774_746_000),
            ("Europe/Paris", 2026, 3, 29, 3, 0, 1_774_746_000),
            ("Europe/Paris", 2026, 10, 25, 2, 30, 1_792_888_200),
            ("Europe/Paris", 2026, 10, 25, 3, 0, 1_792_893_600),
            ("Europe/Paris", 2045, 3, 26, 2, 30, 2_374_102_800),
            ("Europe/Paris", 2045, 10, 29, 2, 30, 2_392_849_800),
            ("America/New_York", 2026, 3, 8, 2, 30, 1_772_953_200),
            ("America/New_York", 2026, 11, 1, 1, 30, 1_793_511_000),
            ("Australia/Lord_Howe", 2026, 10, 4, 2, 15, 1_791_041_400),
            ("Australia/Lord_Howe", 2026, 4, 5, 1, 45, 1_775_313_900),
            ("Australia/Lord_Howe", 2045, 10, 1, 2, 15, 2_390_398_200),
            ("America/Nuuk", 2045, 3, 25, 23, 30, 2_374_102_800),
            ("Asia/Kolkata", 2045, 1, 15, 5, 30, 2_368_051_200),
            ("UTC", 2026, 13, 1, 0, 0, 1_798_761_600),
            ("UTC", 2027, 1, 0, 24, 0, 1_798_761_600),
            ("UTC", 2026, 12, 32, 0, 0, 1_798_761_600),
            ("UTC", 2027, 0, 32, 0, 0, 1_798_761_600),
        ] as [(String, Int, Int, Int, Int, Int, Int64)]
    )
    func wallClockToInstant(
        identifier: String,
        year: Int,
        month: Int,
        day: Int,
        hour: Int,
        minute: Int,
        epoch: Int64
    )
        throws
    {
        let zone = try ZoneInfo(identifier: identifier)
        let date = zone.date(year: year, month: month, day: day, hour: hour, minute: minute)
        #expect(date == Date(timeIntervalSince1970: Double(epoch)))
    }

    @Test func overlapResolvesToBothInstants() throws {
        let paris = try ZoneInfo(identifier: "Europe/Paris")
        let local = ZoneInfo.localSeconds(year: 2026, month: 10, day: 25, hour: 2, minute: 30, second: 0)
        #expect(paris.resolve(local: local).instants == [1_792_888_200, 1_792_891_800])
        let skipped = ZoneInfo.localSeconds(year: 2026, month: 3, day: 29, hour: 2, minute: 0, second: 0)
        let gap = paris.resolve(local: skipped)
        #expect(gap.isGap && gap.instants == [1_774_746_000])
    }
}

@Suite struct DateParsingTests {
    @Test(
        arguments: [
            ("2026-12-15T10:00:00+01:00", "UTC", 1_797_325_200.0), ("2026-12-15T09:00:00Z", "UTC", 1_797_325_200),
            ("2026-12-15t09:00:00z", "UTC", 1_797_325_200), ("2026-12-15T10:00:00+0100", "UTC", 1_797_325_200),
            ("2026-12-15T10:00:00+01", "UTC", 1_797_325_200), ("2026-12-15 10:00:00 +01:00", "UTC", 1_797_325_200),
            ("2026-12-15T04:00:00-05:00", "Europe/Paris", 1_797_325_200),
            ("2026-12-15T10:00+01:00", "UTC", 1_797_325_200),
            ("2026-12-15 10:00:00", "Europe/Paris", 1_797_325_200), ("2026-12-15T10:00", "Europe/Paris", 1_797_325_200),
            ("2026-12-15", "Europe/Paris", 1_797_289_200), ("  2026-12-15  ", "Europe/Paris", 1_797_289_200),
            ("2026-07-01 12:00", "America/New_York", 1_782_921_600),
            ("2026-03-29 02:30", "Europe/Paris", 1_774_746_000),
            ("2026-10-25 02:30", "Europe/Paris", 1_792_888_200), ("2026-12-15T09:00:00.250Z", "UTC", 1_797_325_200.25),
            ("2026-12-15T09:00:00,5Z", "UTC", 1_797_325_200.5), ("2045-03-26T02:30", "Europe/Paris", 2_374_102_800),
            ("2026-12-15  10:00", "Europe/Paris", 1_797_325_200),
        ] as [(String, String, Double)]
    )
    func parses(text: String, identifier: String, epoch: Double) throws {
        let zone = try ZoneInfo(identifier: identifier)
        #expect(try Date(parsing: text, zone: zone) == Date(timeIntervalSince1970: epoch))
    }

    @Test(arguments: [
        ("", "is not a date and time"), ("tomorrow", "is not a date and time"), ("2026-13-01", "month 13"),
        ("2026-02-29", "day 29 is out of range for 2026-02"), ("2026-04-31", "day 31"), ("2026-12-00", "day 0"),
        ("2026-12-15T25:00", "out of range"), ("2026-12-15T10:60", "out of range"),
        ("2026-12-15T10:00:60Z", "out of range"), ("2026-12-15T10:00:00+25:00", "offset out of range"),
        ("2026-12-15T10", "is not a date and time"), ("2026/12/15", "is not a date and time"),
        ("2026-12-15T10:00:00 CET", "expected an offset"), ("26-12-15", "is not a date and time"),
        ("2026-12-15X10:00", "expected 'T' or a space"), ("2026-12-15T10:00:00.Z", "digits expected"),
        ("2026-12-15T10:00:00+01:00 extra", "unexpected text"),
    ])
    func rejects(text: String, fragment: String) {
        do {
            let date = try Date(parsing: text, zone: .utc)
            Issue.record("'\(text)' parsed as \(date)")
        } catch {
            #expect(error.input == text)
            #expect(error.message.contains(fragment), "\(error.message)")
            #expect(error.hint?.contains("2026-12-15T10:00:00+01:00") == true)
        }
    }

    @Test(arguments: ["Europe/Paris", "America/New_York", "Asia/Kolkata", "Australia/Lord_Howe", "UTC"])
    func iso8601RoundTrips(identifier: String) throws {
        let zone = try ZoneInfo(identifier: identifier)
        for epoch in stride(from: 1_767_225_600, to: 2_400_000_000, by: 7_777_777) {
            let date = Date(timeIntervalSince1970: Double(epoch))
            #expect(try Date(parsing: date.iso8601(in: zone), zone: .utc) == date)
            #expect(try Date(parsing: date.iso8601(in: zone), zone: zone) == date)
        }
    }
}

@Suite struct CivilCalendarTests {
    @Test func daysRoundTripAcrossEightCenturies() {
        for days in stride(from: Int64(-200_000), through: 200_000, by: 1) {
            let date = CivilCalendar.date(days: days)
            #expect(date.day >= 1 && date.day <= CivilCalendar.daysInMonth(year: date.year, month: date.month))
            if CivilCalendar.days(year: date.year, month: date.month, day: date.day) != days {
                Issue.record("day \(days) -> \(date)")
                return
            }
        }
    }

    @Test(
        arguments: [
            (1970, 1, 1, 0), (2000, 3, 1, 11_017), (1969, 12, 31, -1), (2026, 11, 27, 20_784), (1600, 2, 29, -135_081),
        ] as [(Int64, Int64, Int64, Int64)]
    )
    func knownDays(year: Int64, month: Int64, day: Int64, days: Int64) {
        #expect(CivilCalendar.days(year: year, month: month, day: day) == days)
        #expect(CivilCalendar.date(days: days) == (year, month, day))
    }
}
