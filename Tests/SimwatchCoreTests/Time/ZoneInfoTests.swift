import FoundationEssentials
import Glibc
import Testing

@testable import SimwatchCore
@testable import SimwatchModel

@Suite struct ZoneInfoTests {
    /// Each side of every 2026 and 2045 transition. Expected values from `TZ=<zone> date -d @<epoch> +%z%Z` and
    /// `zdump -v` (tzdata 2025b). Debian's fat files list transitions to 2037, so 2045 exercises the footer rule.
    @Test(
        arguments: [
            ("Europe/Paris", 1_774_745_999, 3600, "CET", false), ("Europe/Paris", 1_774_746_000, 7200, "CEST", true),
            ("Europe/Paris", 1_792_889_999, 7200, "CEST", true), ("Europe/Paris", 1_792_890_000, 3600, "CET", false),
            ("Europe/Paris", 2_374_102_799, 3600, "CET", false), ("Europe/Paris", 2_374_102_800, 7200, "CEST", true),
            ("Europe/Paris", 2_392_851_599, 7200, "CEST", true), ("Europe/Paris", 2_392_851_600, 3600, "CET", false),
            ("America/New_York", 1_772_953_199, -18_000, "EST", false),
            ("America/New_York", 1_772_953_200, -14_400, "EDT", true),
            ("America/New_York", 1_793_512_799, -14_400, "EDT", true),
            ("America/New_York", 1_793_512_800, -18_000, "EST", false),
            ("America/New_York", 2_372_914_799, -18_000, "EST", false),
            ("America/New_York", 2_372_914_800, -14_400, "EDT", true),
            ("America/New_York", 2_393_474_399, -14_400, "EDT", true),
            ("America/New_York", 2_393_474_400, -18_000, "EST", false),
            ("Asia/Kolkata", 1_782_864_000, 19_800, "IST", false),
            ("Asia/Kolkata", 2_368_051_200, 19_800, "IST", false),
            ("Australia/Lord_Howe", 1_775_314_799, 39_600, "+11", true),
            ("Australia/Lord_Howe", 1_775_314_800, 37_800, "+1030", false),
            ("Australia/Lord_Howe", 1_791_041_399, 37_800, "+1030", false),
            ("Australia/Lord_Howe", 1_791_041_400, 39_600, "+11", true),
            ("Australia/Lord_Howe", 2_374_671_599, 39_600, "+11", true),
            ("Australia/Lord_Howe", 2_374_671_600, 37_800, "+1030", false),
            ("Australia/Lord_Howe", 2_390_398_199, 37_800, "+1030", false),
            ("Australia/Lord_Howe", 2_390_398_200, 39_600, "+11", true),
            ("Australia/Sydney", 2_374_675_199, 39_600, "AEDT", true),
            ("Australia/Sydney", 2_374_675_200, 36_000, "AEST", false),
            ("Australia/Sydney", 2_390_399_999, 36_000, "AEST", false),
            ("Australia/Sydney", 2_390_400_000, 39_600, "AEDT", true),
            ("America/Nuuk", 2_374_102_799, -7200, "-02", false), ("America/Nuuk", 2_374_102_800, -3600, "-01", true),
            ("America/Nuuk", 2_392_851_599, -3600, "-01", true), ("America/Nuuk", 2_392_851_600, -7200, "-02", false),
            ("Europe/Dublin", 2_374_102_799, 0, "GMT", true), ("Europe/Dublin", 2_374_102_800, 3600, "IST", false),
            ("Pacific/Chatham", 2_374_667_999, 49_500, "+1345", true),
            ("Pacific/Chatham", 2_374_668_000, 45_900, "+1245", false),
            ("America/Sao_Paulo", 2_368_051_200, -10_800, "-03", false),
            ("Europe/Paris", -2_208_988_800, 561, "PMT", false), ("Europe/Paris", -3_000_000_000, 561, "LMT", false),
            ("UTC", 1_800_000_000, 0, "UTC", false), ("Etc/UTC", 2_400_000_000, 0, "UTC", false),
        ] as [(String, Int64, Int, String, Bool)]
    )
    func offsetsMatchTheSystem(
        identifier: String,
        epoch: Int64,
        seconds: Int,
        abbreviation: String,
        isDST: Bool
    )
        throws
    {
        let zone = try ZoneInfo(identifier: identifier)
        let offset = zone.offset(at: Date(timeIntervalSince1970: Double(epoch)))
        #expect(offset == ZoneOffset(seconds: seconds, abbreviation: abbreviation, isDST: isDST))
        #expect(zone.offset(at: Date(timeIntervalSince1970: Double(epoch) + 0.75)) == offset)
    }

    /// The footer alone must reproduce the fat table through 2036, transition by transition.
    @Test(arguments: [
        "Europe/Paris", "America/New_York", "Australia/Lord_Howe", "Australia/Sydney", "America/Nuuk",
        "Europe/Dublin", "Pacific/Chatham", "America/Santiago", "Asia/Jerusalem", "Africa/Cairo", "America/Havana",
        "Antarctica/Troll",
    ])
    func footerAgreesWithTheTable(identifier: String) throws {
        let zone = try ZoneInfo(identifier: identifier)
        let rule = try #require(zone.rule)
        let from = CivilCalendar.days(year: 2027, month: 1, day: 1) * 86_400
        let to = CivilCalendar.days(year: 2037, month: 1, day: 1) * 86_400
        var compared = 0
        for (index, instant) in zone.transitions.enumerated() where instant >= from && instant < to {
            #expect(rule.offset(at: instant) == zone.types[zone.transitionTypes[index]])
            #expect(rule.offset(at: instant - 1) == zone.types[zone.transitionTypes[index - 1]])
            compared += 1
        }
        #expect(compared >= 18)
    }

    @Test func utcIsBuiltIn() throws {
        #expect(ZoneInfo.utc.identifier == "UTC")
        #expect(ZoneInfo.utc.offset(at: Date(timeIntervalSince1970: 1_800_000_000)).seconds == 0)
        #expect(try ZoneInfo(identifier: "UTC") == .utc)
        let empty = try ZoneFixtureDirectory()
        #expect(try ZoneInfo(identifier: "UTC", root: empty.path).offset(at: Date()).abbreviation == "UTC")
        #expect(ZoneInfo.utc.description == "UTC")
    }

    @Test(arguments: [
        ("Europe/Pariss", "unknown time zone 'Europe/Pariss'", "use an IANA time zone name"),
        ("europe/paris", "unknown time zone", "did you mean Europe/Paris?"),
        ("Europe", "unknown time zone 'Europe'", "'Europe' is a region; name a place in it, e.g. Europe/"),
        ("../../etc/passwd", "is not a time zone name", "use an IANA time zone name"),
        ("Europe/../../../etc/passwd", "is not a time zone name", "use an IANA time zone name"),
        ("/etc/localtime", "is not a time zone name", "use an IANA time zone name"),
        ("Europe/./Paris", "is not a time zone name", "use an IANA time zone name"),
        ("Europe//Paris", "is not a time zone name", "use an IANA time zone name"),
        ("", "is not a time zone name", "use an IANA time zone name"),
        ("Europe/Paris ", "is not a time zone name", "use an IANA time zone name"),
        ("zone.tab", "invalid TZif data (not a TZif file)", "reinstall the tzdata package"),
    ])
    func rejectsBadNames(identifier: String, message: String, hint: String) {
        do {
            let zone = try ZoneInfo(identifier: identifier)
            Issue.record("'\(identifier)' loaded as \(zone)")
        } catch {
            #expect(error.input == identifier)
            #expect(error.message.contains(message), "\(error.message)")
            #expect(error.hint?.hasPrefix(hint) == true, "\(error.hint ?? "no hint")")
        }
    }

    @Test func slimFileFollowsItsFooter() throws {
        // A slim America/New_York: only the 2007 transitions, then the footer for everything after.
        let bytes = TZifFixture(
            transitions: [(1_173_596_400, 1), (1_194_156_000, 0)],
            types: [(-18_000, false, 0), (-14_400, true, 4)],
            abbreviations: "EST\0EDT\0",
            footer: "EST5EDT,M3.2.0,M11.1.0"
        ).bytes
        let slim = try ZoneInfo(identifier: "America/New_York", tzif: bytes)
        let fat = try ZoneInfo(identifier: "America/New_York")
        for epoch: Int64 in [1_772_953_199, 1_772_953_200, 1_793_512_799, 1_793_512_800, 2_372_914_800, 2_393_474_400] {
            let date = Date(timeIntervalSince1970: Double(epoch))
            #expect(slim.offset(at: date) == fat.offset(at: date))
        }
        for hour in stride(from: Int64(1_167_609_600), to: 2_114_380_800, by: 3600 * 7) {
            let date = Date(timeIntervalSince1970: Double(hour))
            #expect(slim.offset(at: date) == fat.offset(at: date))
        }
        #expect(slim.offset(at: Date(timeIntervalSince1970: 0)).abbreviation == "EST")
    }

    @Test func versionOneFileAndFileInATemporaryRoot() throws {
        let directory = try ZoneFixtureDirectory()
        let bytes = TZifFixture(
            version: 1,
            transitions: [(1_000_000_000, 1)],
            types: [(3600, false, 0), (7200, true, 4)],
            abbreviations: "ONE\0TWO\0",
            footer: ""
        ).bytes
        try directory.write(bytes, to: "Test/Zone")
        let zone = try ZoneInfo(identifier: "Test/Zone", root: directory.path)
        #expect(zone.offset(at: Date(timeIntervalSince1970: 999_999_999)).abbreviation == "ONE")
        #expect(zone.offset(at: Date(timeIntervalSince1970: 2_000_000_000)).abbreviation == "TWO")
        #expect(zone.rule == nil)
    }

    @Test(arguments: [
        ([UInt8]("TZxf".utf8), "not a TZif file"),
        (Array(TZifFixture.newYork.dropLast(30)), "truncated"),
        (
            TZifFixture(transitions: [(5, 0), (4, 0)], types: [(0, false, 0)], abbreviations: "UTC\0", footer: "")
                .bytes,
            "out of order"
        ),
        (
            TZifFixture(transitions: [(5, 3)], types: [(0, false, 0)], abbreviations: "UTC\0", footer: "").bytes,
            "out of range"
        ),
    ])
    func rejectsCorruptFiles(bytes: [UInt8], reason: String) {
        #expect {
            try ZoneInfo(identifier: "Bad/Zone", tzif: bytes)
        } throws: { error in
            (error as? UnitParseError)?.message.contains(reason) == true
        }
    }

    /// A header with the given six counts (isutcnt, isstdcnt, leapcnt, timecnt, typecnt, charcnt) and no data.
    static func header(counts: [UInt32]) -> [UInt8] {
        var bytes = Array("TZif2".utf8) + Array(repeating: 0, count: 15)
        for count in counts { bytes += [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: count >> $0) } }
        return bytes
    }

    @Test(
        arguments: [
            [0, 0, 0, 0x7FFF_FFFF, 1, 1], [0, 0, 0, 0xFFFF_FFFF, 1, 1], [0xFFFF_FFFF, 0, 0, 0, 1, 1],
            [0, 0, 0x8000_0000, 0, 1, 1], [0, 0, 0, 0, 1, 1_000_001],
        ] as [[UInt32]]
    )
    func absurdCountsAreRefusedBeforeAnyArithmetic(counts: [UInt32]) {
        #expect {
            try ZoneInfo(identifier: "Bad/Counts", tzif: Self.header(counts: counts))
        } throws: { error in
            (error as? UnitParseError)?.message.contains("implausible count") == true
        }
    }

    @Test func transitionsAtTheEndsOfInt64DoNotTrap() throws {
        let bytes = TZifFixture(
            transitions: [(Int64.min, 1), (-1, 0), (Int64.max, 1)],
            types: [(0, false, 0), (3600, true, 4)],
            abbreviations: "UTC\0UTX\0",
            footer: ""
        ).bytes
        let zone = try ZoneInfo(identifier: "Odd/Ends", tzif: bytes)
        for year in [1, 1970, 2026, 9999] {
            let date = zone.date(year: year, month: 6, day: 1, hour: 12, minute: 0)
            #expect(zone.localDateTime(date).hour == 12)
        }
        #expect(zone.localDateTime(Date(timeIntervalSince1970: 1e300)).year > 9999)
    }

    @Test func rejectsAnUnparsableFooter() {
        let bytes = TZifFixture(transitions: [], types: [(0, false, 0)], abbreviations: "UTC\0", footer: "UTC0X").bytes
        #expect(throws: UnitParseError.self) { try ZoneInfo(identifier: "Bad/Footer", tzif: bytes) }
    }

    @Test(
        arguments: [
            (["TZ": ":Europe/Paris"], "Europe/Paris"), (["TZ": "Europe/Paris"], "Europe/Paris"), (["TZ": ""], "UTC"),
            (["TZ": ":"], "UTC"), (["TZ": "/usr/share/zoneinfo/Asia/Kolkata"], "Asia/Kolkata"),
            (["TZ": ":/usr/share/zoneinfo/posix/America/New_York"], "America/New_York"),
            (["TZ": "CET-1CEST,M3.5.0,M10.5.0/3"], "CET-1CEST,M3.5.0,M10.5.0/3"),
            (["TZ": "<+0530>-5:30"], "<+0530>-5:30"),
        ] as [([String: String], String)]
    )
    func currentFollowsTZ(environment: [String: String], identifier: String) {
        #expect(ZoneInfo.current(environment: environment).identifier == identifier)
    }

    @Test func currentFromAPOSIXRuleInTZ() {
        let zone = ZoneInfo.current(environment: ["TZ": "CET-1CEST,M3.5.0,M10.5.0/3"])
        #expect(zone.offset(at: Date(timeIntervalSince1970: 1_774_746_000)).abbreviation == "CEST")
        #expect(zone.offset(at: Date(timeIntervalSince1970: 1_774_745_999)).abbreviation == "CET")
    }

    @Test func currentFallsBackThroughTheSystemFiles() throws {
        let directory = try ZoneFixtureDirectory()
        let localtime = directory.path + "/localtime"
        let timezone = directory.path + "/timezone"
        let root = ZoneInfo.defaultRoot
        func current(_ environment: [String: String] = [:]) -> String {
            ZoneInfo.current(environment: environment, root: root, localtime: localtime, timezone: timezone).identifier
        }
        #expect(current() == "UTC")
        try directory.write(Array("Asia/Kolkata\n".utf8), to: "timezone")
        #expect(current() == "Asia/Kolkata")
        try FileManager.default.createSymbolicLink(
            atPath: localtime,
            withDestinationPath: "../../usr/share/zoneinfo/America/New_York"
        )
        #expect(current() == "America/New_York")
        #expect(current(["TZ": "No/Such_Zone"]) == "America/New_York")
        #expect(current(["TZ": "Europe/Paris"]) == "Europe/Paris")
        try FileManager.default.removeItem(atPath: localtime)
        try FileManager.default.removeItem(atPath: timezone)
        try directory.write(TZifFixture.newYork, to: "localtime")
        let zone = ZoneInfo.current(environment: [:], root: root, localtime: localtime, timezone: timezone)
        #expect(zone.identifier == "localtime")
        #expect(zone.offset(at: Date(timeIntervalSince1970: 2_372_914_800)).abbreviation == "EDT")
    }

    @Test func systemFilesThatAreNotRegularFilesAreSkippedWithoutWaiting() throws {
        let directory = try ZoneFixtureDirectory()
        let localtime = directory.path + "/localtime"
        let timezone = directory.path + "/timezone"
        // A FIFO nobody writes to would block a plain open and read forever; a directory cannot be read.
        #expect(mkfifo(localtime, 0o600) == 0)
        #expect(mkdir(timezone, 0o700) == 0)
        let zone = ZoneInfo.current(
            environment: [:],
            root: ZoneInfo.defaultRoot,
            localtime: localtime,
            timezone: timezone
        )
        #expect(zone.identifier == "UTC")
        #expect(ZoneInfo.fromTZVariable(localtime, root: ZoneInfo.defaultRoot) == nil)
        try directory.write([UInt8](repeating: 0, count: ZoneFile.limit + 1), to: "big")
        #expect(ZoneFile.contents(atPath: directory.path + "/big") == nil)
        try directory.write(TZifFixture.newYork, to: "small")
        #expect(ZoneFile.contents(atPath: directory.path + "/small") == TZifFixture.newYork)
    }

    @Test(
        arguments: [
            ("/usr/share/zoneinfo/Europe/Paris", "Europe/Paris"), ("../usr/share/zoneinfo/Etc/UTC", "Etc/UTC"),
            ("/usr/share/zoneinfo/posix/Europe/Paris", "Europe/Paris"), ("/usr/share/zoneinfo/right/UTC", "UTC"),
            ("/etc/zoneinfo/UTC", "UTC"), ("/usr/share/zoneinfo/posix", "posix"), ("/etc/localtime", nil),
            ("/usr/share/zoneinfo/", nil),
        ] as [(String, String?)]
    )
    func identifierFromALinkTarget(path: String, identifier: String?) {
        #expect(ZoneInfo.identifier(inZoneinfoPath: path) == identifier)
    }
}
