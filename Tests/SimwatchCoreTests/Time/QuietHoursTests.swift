import FoundationEssentials
import SimwatchCore
import Testing

@Suite struct QuietHoursTests {
    @Test(arguments: [
        ("22:00-07:30", 1320, 450, "22:00-07:30"), ("22:00 - 07:30", 1320, 450, "22:00-07:30"),
        ("22:00\u{2013}07:30", 1320, 450, "22:00-07:30"), ("7:30-9:00", 450, 540, "07:30-09:00"),
        ("00:00-24:00", 0, 1440, "00:00-24:00"), ("20:00-24:00", 1200, 1440, "20:00-24:00"),
        ("22:00-00:00", 1320, 1440, "22:00-24:00"), (" 12:00-14:00 ", 720, 840, "12:00-14:00"),
        ("23:59-00:01", 1439, 1, "23:59-00:01"),
    ])
    func parses(text: String, start: Int, end: Int, shown: String) throws {
        let paris = try ZoneInfo(identifier: "Europe/Paris")
        let quiet = try QuietHours(parsing: text, zone: paris)
        #expect(quiet.startMinute == start)
        #expect(quiet.endMinute == end)
        #expect(quiet.description == "\(shown) Europe/Paris")
        #expect(quiet.zone == paris)
    }

    @Test(arguments: [
        ("22:00-22:00", "start and end at the same time"), ("00:00-00:00", "start and end at the same time"),
        ("24:00-06:00", "start at 24:00"), ("25:00-06:00", "not a daily time window"),
        ("22:00", "not a daily time window"), ("22-07", "not a daily time window"),
        ("22:00-07:60", "not a daily time window"), ("abc", "not a daily time window"),
        ("22:00-07:30-08:00", "not a daily time window"), ("", "not a daily time window"),
        ("22:0-07:30", "not a daily time window"), ("+2:00-07:30", "not a daily time window"),
        ("24:30-07:30", "not a daily time window"),
    ])
    func rejects(text: String, fragment: String) {
        do {
            let quiet = try QuietHours(parsing: text, zone: .utc)
            Issue.record("'\(text)' parsed as \(quiet)")
        } catch {
            #expect(error.input == text)
            #expect(error.message.contains(fragment), "\(error.message)")
            #expect(error.hint == "write a window such as 22:00-07:30")
        }
    }

    @Test(arguments: [
        ("22:00-07:30", 21, 59, 59, false), ("22:00-07:30", 22, 0, 0, true), ("22:00-07:30", 23, 59, 59, true),
        ("22:00-07:30", 0, 0, 0, true), ("22:00-07:30", 7, 29, 59, true), ("22:00-07:30", 7, 30, 0, false),
        ("22:00-07:30", 12, 0, 0, false), ("12:00-14:00", 11, 59, 59, false), ("12:00-14:00", 12, 0, 0, true),
        ("12:00-14:00", 13, 59, 59, true), ("12:00-14:00", 14, 0, 0, false), ("00:00-24:00", 0, 0, 0, true),
        ("00:00-24:00", 23, 59, 59, true), ("20:00-24:00", 23, 59, 59, true), ("20:00-24:00", 0, 0, 0, false),
    ])
    func contains(window: String, hour: Int, minute: Int, second: Int, inside: Bool) throws {
        let paris = try ZoneInfo(identifier: "Europe/Paris")
        let quiet = try QuietHours(parsing: window, zone: paris)
        let date = paris.date(year: 2026, month: 11, day: 27, hour: hour, minute: minute, second: second)
        #expect(quiet.contains(date) == inside)
    }

    /// `end(after:)` in plain nights and across DST changes; epochs checked with `TZ=<zone> date -d @<epoch>`.
    @Test(
        arguments: [
            ("Europe/Paris", "22:00-07:30", 1_795_816_800, 1_795_847_400),  // Fri 23:00 CET -> Sat 07:30 CET
            ("Europe/Paris", "22:00-07:30", 1_795_831_200, 1_795_847_400),  // Sat 03:00 -> 07:30 the same morning
            ("Europe/Paris", "22:00-07:30", 1_795_780_800, 1_795_780_800),  // noon: outside, itself
            ("Europe/Paris", "22:00-07:30", 1_774_735_200, 1_774_762_200),  // spring forward: 23:00 CET -> 07:30 CEST
            ("Europe/Paris", "22:00-07:30", 1_792_875_600, 1_792_909_800),  // fall back: 23:00 CEST -> 07:30 CET
            ("Europe/Paris", "22:00-07:30", 2_374_092_000, 2_374_119_000),  // 2045, from the footer rule
            ("Europe/Paris", "01:00-02:30", 1_774_744_200, 1_774_746_000),  // end inside the gap: 03:00 CEST
            ("Europe/Paris", "22:00-02:30", 1_792_887_000, 1_792_888_200),  // 02:10 CEST -> 02:30 CEST
            ("Europe/Paris", "22:00-02:30", 1_792_890_600, 1_792_891_800),  // 02:10 CET (again) -> 02:30 CET
            ("America/New_York", "22:00-07:30", 1_793_502_000, 1_793_536_200),  // 23:00 EDT -> 07:30 EST
            ("UTC", "20:00-24:00", 1_795_813_200, 1_795_824_000),  // 21:00 -> midnight
        ] as [(String, String, Int64, Int64)]
    )
    func endAfter(identifier: String, window: String, epoch: Int64, end: Int64) throws {
        let quiet = try QuietHours(parsing: window, zone: ZoneInfo(identifier: identifier))
        let result = quiet.end(after: Date(timeIntervalSince1970: Double(epoch)))
        #expect(result == Date(timeIntervalSince1970: Double(end)))
        #expect(!quiet.contains(result))
    }

    @Test func allDayNeverEnds() throws {
        let quiet = try QuietHours(parsing: "00:00-24:00", zone: .utc)
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        #expect(quiet.isAllDay)
        #expect(quiet.contains(now))
        #expect(quiet.end(after: now) == .distantFuture)
    }

    /// Around every 2026 and 2045 DST change: the end is outside, the second before it inside.
    @Test(
        arguments: [
            ("Europe/Paris", [1_774_746_000, 1_792_890_000, 2_374_102_800, 2_392_851_600]),
            ("America/New_York", [1_772_953_200, 1_793_512_800, 2_372_914_800, 2_393_474_400]),
            ("Australia/Lord_Howe", [1_775_314_800, 1_791_041_400, 2_374_671_600, 2_390_398_200]),
            ("America/Nuuk", [1_774_746_000, 1_792_890_000, 2_374_102_800, 2_392_851_600]),
        ] as [(String, [Int64])]
    )
    func endIsTheFirstInstantOutside(identifier: String, transitions: [Int64]) throws {
        let zone = try ZoneInfo(identifier: identifier)
        for window in ["22:00-07:30", "01:00-02:30", "02:15-03:30", "22:00-02:30", "23:00-00:30", "00:00-02:00"] {
            let quiet = try QuietHours(parsing: window, zone: zone)
            for transition in transitions {
                for step in stride(from: -36 * 3600, through: 36 * 3600, by: 7 * 60) {
                    let date = Date(timeIntervalSince1970: Double(transition + Int64(step)))
                    let end = quiet.end(after: date)
                    #expect(!quiet.contains(end), "\(window) \(date)")
                    guard quiet.contains(date) else {
                        #expect(end == date)
                        continue
                    }
                    #expect(end > date && end.timeIntervalSince(date) <= 26 * 3600)
                    #expect(quiet.contains(end.addingTimeInterval(-1)), "\(window) \(date) -> \(end)")
                    #expect(quiet.contains(date.addingTimeInterval(end.timeIntervalSince(date) / 2)))
                }
            }
        }
    }
}
