import FoundationEssentials
import SimwatchCtlKit
import SimwatchModel
import Testing

@Suite struct TimeFormatTests {
    @Test(
        arguments: [
            ("2026-12-04T09:03:00+01:00", "Fri 4 Dec 09:03 CET"),
            ("2026-07-01T10:00:00Z", "Wed 1 Jul 12:00 CEST"),
            ("2027-01-04T08:00:00Z", "Mon 4 Jan 2027 09:00 CET"),
        ]
    )
    func absolute(wire: String, expected: String) {
        #expect(parisTime.absolute(wire: wire) == expected)
    }

    @Test(
        arguments: [
            (0, "now"), (45, "in 45s"), (-45, "45s ago"), (60, "in 1m"), (90, "in 1m"), (-150, "2m ago"),
            (3 * 86_400 + 4 * 3600 + 59, "in 3d 4h"), (7 * 86_400, "in 1w"), (-(2 * 3600 + 30 * 60 + 20), "2h 30m ago"),
        ] as [(Double, String)]
    )
    func relative(offset: Double, expected: String) {
        #expect(parisTime.relative(friday.addingTimeInterval(offset)) == expected)
    }

    @Test func wireTimesThatCannotBeReadAreShownAsSent() {
        #expect(parisTime.both(wire: "soon") == "soon")
        #expect(parisTime.both(wire: nil) == "-")
        #expect(parisTime.both(wire: "2026-11-27T12:00:00+01:00") == "Fri 27 Nov 12:00 CET (in 2h)")
    }

    @Test func stampsAndAxisLabels() {
        let date = friday.addingTimeInterval(-86_400 * 3 + 5)
        #expect(parisTime.stamp(date) == "2026-11-24 10:00:05")
        #expect(parisTime.dayMonth(date) == "24 Nov")
        #expect(parisTime.clock(date) == "10:00")
    }
}

@Suite struct TimeFormatZoneTests {
    @Test func tablesNamingTheZoneDropItFromTimesInIt() {
        let winter = paris.date(year: 2026, month: 12, day: 4, hour: 9, minute: 3)
        let summer = paris.date(year: 2026, month: 7, day: 1, hour: 12, minute: 0)
        #expect(parisTime.zoneAbbreviation == "CET")
        #expect(parisTime.absolute(winter, shownZone: "CET") == "Fri 4 Dec 09:03")
        #expect(parisTime.absolute(summer, shownZone: "CET") == "Wed 1 Jul 12:00 CEST")
        #expect(parisTime.both(wire: "2026-12-04T09:03:00+01:00", shownZone: "CET") == "Fri 4 Dec 09:03 (in 6d 23h)")
    }

    @Test func farOffTimesDoNotTrap() {
        #expect(parisTime.relative(.distantFuture).hasPrefix("in "))
        #expect(parisTime.relative(Date(timeIntervalSince1970: -1e300)).hasSuffix(" ago"))
        #expect(parisTime.relative(Date(timeIntervalSince1970: .nan)) == "now")
    }
}
