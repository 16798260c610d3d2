import FoundationEssentials
import Testing

@testable import SimwatchCore
@testable import SimwatchModel

@Suite struct POSIXTimeZoneRuleTests {
    /// Rule text, then (UTC seconds, standard offset), (daylight offset or nil) as given by the rule.
    @Test(
        arguments: [
            ("CET-1CEST,M3.5.0,M10.5.0/3", "CET", 3600, "CEST", 7200),
            ("EST5EDT,M3.2.0,M11.1.0", "EST", -18_000, "EDT", -14_400),
            ("<+0530>-5:30", "+0530", 19_800, nil, nil),
            ("IST-5:30", "IST", 19_800, nil, nil),
            ("AEST-10AEDT,M10.1.0,M4.1.0/3", "AEST", 36_000, "AEDT", 39_600),
            ("<+1030>-10:30<+11>-11,M10.1.0,M4.1.0", "+1030", 37_800, "+11", 39_600),
            ("<-02>2<-01>,M3.5.0/-1,M10.5.0/0", "-02", -7200, "-01", -3600),
            ("IST-1GMT0,M10.5.0,M3.5.0/1", "IST", 3600, "GMT", 0),
            ("<+1245>-12:45<+1345>,M9.5.0/2:45,M4.1.0/3:45", "+1245", 45_900, "+1345", 49_500),
            ("EET-2EEST,M3.4.4/50,M10.4.4/50", "EET", 7200, "EEST", 10_800),
            ("<-04>4<-03>,M9.1.6/24,M4.1.6/24", "-04", -14_400, "-03", -10_800),
            ("UTC0", "UTC", 0, nil, nil),
            ("<-03>3", "-03", -10_800, nil, nil),
            ("EST5EDT", "EST", -18_000, "EDT", -14_400),
            ("XXX+3:15:30YYY+2,J60/167,300/-167", "XXX", -11_730, "YYY", -7200),
        ] as [(String, String, Int, String?, Int?)]
    )
    func parsesOffsets(
        text: String,
        standardName: String,
        standard: Int,
        daylightName: String?,
        daylight: Int?
    )
        throws
    {
        let rule = try POSIXTimeZoneRule(parsing: text)
        #expect(rule.standard == ZoneOffset(seconds: standard, abbreviation: standardName, isDST: false))
        #expect(rule.daylight?.offset.abbreviation == daylightName)
        #expect(rule.daylight?.offset.seconds == daylight)
        #expect(rule.daylight?.offset.isDST ?? true)
    }

    @Test func parsesTransitionForms() throws {
        let paris = try #require(try POSIXTimeZoneRule(parsing: "CET-1CEST,M3.5.0,M10.5.0/3").daylight)
        #expect(paris.start == .init(day: .monthWeekDay(month: 3, week: 5, weekday: 0), time: 7200))
        #expect(paris.end == .init(day: .monthWeekDay(month: 10, week: 5, weekday: 0), time: 10_800))
        let nuuk = try #require(try POSIXTimeZoneRule(parsing: "<-02>2<-01>,M3.5.0/-1,M10.5.0/0").daylight)
        #expect(nuuk.start.time == -3600)
        #expect(nuuk.end.time == 0)
        let julian = try #require(try POSIXTimeZoneRule(parsing: "XXX3YYY,J60/167,300/-1:30").daylight)
        #expect(julian.start == .init(day: .julianSkippingLeapDay(60), time: 167 * 3600))
        #expect(julian.end == .init(day: .zeroBased(300), time: -5400))
        let defaulted = try #require(try POSIXTimeZoneRule(parsing: "EST5EDT").daylight)
        #expect(defaulted.start == .init(day: .monthWeekDay(month: 3, week: 2, weekday: 0), time: 7200))
        #expect(defaulted.end == .init(day: .monthWeekDay(month: 11, week: 1, weekday: 0), time: 7200))
    }

    @Test(arguments: [
        "", "E5", "CET", "CET-1CEST,M3.5.0", "CET-1CEST,M13.5.0,M10.5.0", "CET-1CEST,M3.6.0,M10.5.0",
        "CET-1CEST,M3.5.7,M10.5.0", "CET-1CEST,J0,J10", "CET-1CEST,366,1", "<+05", "<+5>-5", "CET-25",
        "CET-1CEST,M3.5.0,M10.5.0/3x", "CET-1:60", "CET-1CEST,M3.5.0/168,M10.5.0", "CET-1 CEST",
    ])
    func rejects(text: String) {
        #expect(throws: UnitParseError.self) { try POSIXTimeZoneRule(parsing: text) }
    }

    /// Day rules against dates checked with `date -u -d`.
    @Test(
        arguments: [
            (POSIXTimeZoneRule.DayRule.monthWeekDay(month: 3, week: 5, weekday: 0), 2026, 2026, 3, 29),
            (.monthWeekDay(month: 3, week: 5, weekday: 0), 2045, 2045, 3, 26),
            (.monthWeekDay(month: 10, week: 1, weekday: 0), 2026, 2026, 10, 4),
            (.monthWeekDay(month: 3, week: 2, weekday: 0), 2026, 2026, 3, 8),
            (.monthWeekDay(month: 11, week: 1, weekday: 0), 2026, 2026, 11, 1),
            (.monthWeekDay(month: 2, week: 5, weekday: 0), 2026, 2026, 2, 22),
            (.monthWeekDay(month: 9, week: 1, weekday: 6), 2026, 2026, 9, 5),
            (.monthWeekDay(month: 3, week: 4, weekday: 4), 2026, 2026, 3, 26),
            (.monthWeekDay(month: 2, week: 5, weekday: 2), 2028, 2028, 2, 29),
            (.julianSkippingLeapDay(60), 2028, 2028, 3, 1),
            (.julianSkippingLeapDay(59), 2028, 2028, 2, 28),
            (.julianSkippingLeapDay(365), 2028, 2028, 12, 31),
            (.julianSkippingLeapDay(60), 2026, 2026, 3, 1),
            (.zeroBased(59), 2028, 2028, 2, 29),
            (.zeroBased(59), 2026, 2026, 3, 1),
            (.zeroBased(0), 2026, 2026, 1, 1),
            (.zeroBased(365), 2028, 2028, 12, 31),
            (.zeroBased(365), 2026, 2027, 1, 1),
        ] as [(POSIXTimeZoneRule.DayRule, Int64, Int64, Int64, Int64)]
    )
    func dayRules(rule: POSIXTimeZoneRule.DayRule, year: Int64, expectedYear: Int64, month: Int64, day: Int64) {
        #expect(rule.day(in: year) == CivilCalendar.days(year: expectedYear, month: month, day: day))
    }

    /// Footer-only evaluation around the 2026 and 2045 transitions; expected values from `TZ=... date -d @EPOCH`.
    @Test(
        arguments: [
            ("CET-1CEST,M3.5.0,M10.5.0/3", 1_774_745_999, 3600), ("CET-1CEST,M3.5.0,M10.5.0/3", 1_774_746_000, 7200),
            ("CET-1CEST,M3.5.0,M10.5.0/3", 2_392_851_599, 7200), ("CET-1CEST,M3.5.0,M10.5.0/3", 2_392_851_600, 3600),
            ("EST5EDT,M3.2.0,M11.1.0", 2_372_914_799, -18_000), ("EST5EDT,M3.2.0,M11.1.0", 2_372_914_800, -14_400),
            ("EST5EDT,M3.2.0,M11.1.0", 2_393_474_399, -14_400), ("EST5EDT,M3.2.0,M11.1.0", 2_393_474_400, -18_000),
            ("AEST-10AEDT,M10.1.0,M4.1.0/3", 2_374_675_199, 39_600),
            ("AEST-10AEDT,M10.1.0,M4.1.0/3", 2_374_675_200, 36_000),
            ("AEST-10AEDT,M10.1.0,M4.1.0/3", 2_390_399_999, 36_000),
            ("AEST-10AEDT,M10.1.0,M4.1.0/3", 2_390_400_000, 39_600),
            ("<-02>2<-01>,M3.5.0/-1,M10.5.0/0", 2_374_102_799, -7200),
            ("<-02>2<-01>,M3.5.0/-1,M10.5.0/0", 2_374_102_800, -3600),
            ("<-02>2<-01>,M3.5.0/-1,M10.5.0/0", 2_392_851_599, -3600),
            ("<-02>2<-01>,M3.5.0/-1,M10.5.0/0", 2_392_851_600, -7200),
            ("IST-1GMT0,M10.5.0,M3.5.0/1", 2_374_102_799, 0), ("IST-1GMT0,M10.5.0,M3.5.0/1", 2_374_102_800, 3600),
            ("IST-1GMT0,M10.5.0,M3.5.0/1", 2_392_851_599, 3600), ("IST-1GMT0,M10.5.0,M3.5.0/1", 2_392_851_600, 0),
            ("<-03>3", 2_368_051_200, -10_800),
        ] as [(String, Int64, Int)]
    )
    func evaluates(text: String, instant: Int64, seconds: Int) throws {
        #expect(try POSIXTimeZoneRule(parsing: text).offset(at: instant).seconds == seconds)
    }

    @Test func daylightAllYear() throws {
        // RFC 8536 §3.3.1: "EST5EDT,0/0,J365/25" is daylight time all year round.
        let rule = try POSIXTimeZoneRule(parsing: "EST5EDT,0/0,J365/25")
        let first = CivilCalendar.days(year: 2026, month: 1, day: 1)
        let last = CivilCalendar.days(year: 2029, month: 12, day: 31)
        for day in first...last {
            for hour: Int64 in [0, 5, 12, 23] {
                #expect(rule.offset(at: day * 86_400 + hour * 3600).seconds == -14_400)
            }
        }
    }
}
