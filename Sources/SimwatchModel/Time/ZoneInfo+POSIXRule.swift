/// A POSIX `TZ` rule such as "CET-1CEST,M3.5.0,M10.5.0/3", with the RFC 8536 extensions (transition hours from
/// -167 to 167). TZif files end with one to describe every instant after their last transition.
///
/// POSIX offsets count hours *west* of Greenwich ("EST5"); `ZoneOffset.seconds` counts east, so signs flip.
package struct POSIXTimeZoneRule: Sendable, Hashable {
    /// Local time when daylight saving is not in effect.
    package var standard: ZoneOffset
    /// Daylight saving time and when it applies; nil for a zone without it ("<+0530>-5:30").
    package var daylight: Daylight?

    package struct Daylight: Sendable, Hashable {
        var offset: ZoneOffset
        /// When daylight time starts, in standard local time.
        var start: Transition
        /// When daylight time ends, in daylight local time.
        var end: Transition
    }

    package struct Transition: Sendable, Hashable {
        var day: DayRule
        /// Seconds after local midnight of `day`; may be negative or exceed a day (RFC 8536).
        var time: Int64
    }

    package enum DayRule: Sendable, Hashable {
        /// "Jn": day 1...365 of the year, never counting 29 February.
        case julianSkippingLeapDay(Int64)
        /// "n": day 0...365 of the year, counting 29 February.
        case zeroBased(Int64)
        /// "Mm.w.d": weekday `weekday` (0 = Sunday) of week `week` (1...4, 5 = last) of `month`.
        case monthWeekDay(month: Int64, week: Int64, weekday: Int64)

        /// The day number (days since 1970-01-01) this rule picks in `year`.
        func day(in year: Int64) -> Int64 {
            let january1 = CivilCalendar.days(year: year, month: 1, day: 1)
            switch self {
            case .julianSkippingLeapDay(let n):
                return january1 + n - 1 + (CivilCalendar.isLeapYear(year) && n >= 60 ? 1 : 0)
            case .zeroBased(let n):
                return january1 + n
            case .monthWeekDay(let month, let week, let weekday):
                let first = CivilCalendar.days(year: year, month: month, day: 1)
                // isoWeekday is 1...7 with Sunday = 7, so modulo 7 gives POSIX numbering with Sunday = 0.
                let firstWeekday = CivilCalendar.isoWeekday(days: first) % 7
                var dayOfMonth = 1 + CivilCalendar.floorMod(weekday - firstWeekday, 7) + (week - 1) * 7
                let length = CivilCalendar.daysInMonth(year: year, month: month)
                while dayOfMonth > length { dayOfMonth -= 7 }
                return first + dayOfMonth - 1
            }
        }
    }

    /// The local time type in effect at `instant` (seconds since 1970 UTC).
    package func offset(at instant: Int64) -> ZoneOffset {
        guard let daylight else { return standard }
        let year = CivilCalendar.date(days: CivilCalendar.floorDiv(instant + Int64(standard.seconds), 86_400)).year
        var latest: (instant: Int64, toDaylight: Bool)?
        for candidate in transitions(years: (year - 1)...(year + 1)) where candidate.instant <= instant {
            // At equal instants the start of daylight time wins: "EST5EDT,0/0,J365/25" is daylight all year.
            if let current = latest,
                candidate.instant < current.instant || (candidate.instant == current.instant && !candidate.toDaylight)
            {
                continue
            }
            latest = candidate
        }
        return latest?.toDaylight == true ? daylight.offset : standard
    }

    /// Every change between standard and daylight time in the given years, unordered.
    package func transitions(years: ClosedRange<Int64>) -> [(instant: Int64, toDaylight: Bool)] {
        guard let daylight else { return [] }
        var result: [(instant: Int64, toDaylight: Bool)] = []
        for year in years {
            let start = daylight.start.day.day(in: year) * 86_400 + daylight.start.time - Int64(standard.seconds)
            let end = daylight.end.day.day(in: year) * 86_400 + daylight.end.time - Int64(daylight.offset.seconds)
            result.append((start, true))
            result.append((end, false))
        }
        return result
    }
}

extension POSIXTimeZoneRule {
    /// Parses a rule such as "EST5EDT,M3.2.0,M11.1.0"; the empty footer of a TZif file is not a rule.
    package init(parsing text: String) throws(UnitParseError) {
        var parser = Parser(bytes: Array(text.utf8), text: text)
        self = try parser.parseRule()
    }

    private struct Parser {
        var bytes: [UInt8]
        var text: String
        var position = 0

        var next: UInt8? { position < bytes.count ? bytes[position] : nil }

        func failure(_ what: String) -> UnitParseError {
            UnitParseError(
                input: text,
                message: "invalid POSIX TZ rule '\(text)': \(what) at offset \(position)",
                hint: "expected e.g. CET-1CEST,M3.5.0,M10.5.0/3 or <+0530>-5:30"
            )
        }

        mutating func parseRule() throws(UnitParseError) -> POSIXTimeZoneRule {
            let standardName = try parseName()
            let standardSeconds = try -parseTime(maximumHours: 24)
            let standard = ZoneOffset(seconds: Int(standardSeconds), abbreviation: standardName, isDST: false)
            guard next != nil else { return POSIXTimeZoneRule(standard: standard) }
            let daylightName = try parseName()
            var daylightSeconds = standardSeconds + 3600
            if let byte = next, byte != UInt8(ascii: ",") {
                daylightSeconds = try -parseTime(maximumHours: 24)
            }
            let daylightOffset = ZoneOffset(seconds: Int(daylightSeconds), abbreviation: daylightName, isDST: true)
            let start: Transition
            let end: Transition
            if next == UInt8(ascii: ",") {
                position += 1
                start = try parseTransition()
                guard next == UInt8(ascii: ",") else { throw failure("missing ',' before the end rule") }
                position += 1
                end = try parseTransition()
            } else {
                // POSIX leaves the missing rule to the implementation; glibc and tzcode use the US rules.
                start = Transition(day: .monthWeekDay(month: 3, week: 2, weekday: 0), time: 7200)
                end = Transition(day: .monthWeekDay(month: 11, week: 1, weekday: 0), time: 7200)
            }
            guard next == nil else { throw failure("unexpected '\(Character(Unicode.Scalar(bytes[position])))'") }
            let daylight = Daylight(offset: daylightOffset, start: start, end: end)
            return POSIXTimeZoneRule(standard: standard, daylight: daylight)
        }

        mutating func parseName() throws(UnitParseError) -> String {
            let begin = position
            if next == UInt8(ascii: "<") {
                position += 1
                while let byte = next, byte != UInt8(ascii: ">") {
                    guard Self.isAlphanumeric(byte) || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") else {
                        throw failure("invalid character in quoted name")
                    }
                    position += 1
                }
                guard next == UInt8(ascii: ">"), position - begin - 1 >= 3 else {
                    throw failure("unterminated or short quoted name")
                }
                position += 1
                return String(decoding: bytes[(begin + 1)..<(position - 1)], as: UTF8.self)
            }
            while let byte = next, Self.isLetter(byte) { position += 1 }
            guard position - begin >= 3 else { throw failure("zone abbreviation of at least 3 letters expected") }
            return String(decoding: bytes[begin..<position], as: UTF8.self)
        }

        /// `[+-]hh[:mm[:ss]]` as signed seconds.
        mutating func parseTime(maximumHours: Int64) throws(UnitParseError) -> Int64 {
            var sign: Int64 = 1
            if next == UInt8(ascii: "+") || next == UInt8(ascii: "-") {
                sign = next == UInt8(ascii: "-") ? -1 : 1
                position += 1
            }
            let hours = try parseNumber(maxDigits: 3)
            guard hours <= maximumHours else { throw failure("hour \(hours) out of range") }
            var seconds = hours * 3600
            for (index, unit) in [Int64(60), 1].enumerated() where next == UInt8(ascii: ":") {
                position += 1
                let value = try parseNumber(maxDigits: 2)
                guard value <= 59 else { throw failure(index == 0 ? "minutes out of range" : "seconds out of range") }
                seconds += value * unit
            }
            return sign * seconds
        }

        mutating func parseTransition() throws(UnitParseError) -> Transition {
            let day: DayRule
            switch next {
            case UInt8(ascii: "J"):
                position += 1
                let n = try parseNumber(maxDigits: 3)
                guard (1...365).contains(n) else { throw failure("Julian day \(n) out of 1...365") }
                day = .julianSkippingLeapDay(n)
            case UInt8(ascii: "M"):
                position += 1
                let month = try parseNumber(maxDigits: 2)
                try expect(UInt8(ascii: "."))
                let week = try parseNumber(maxDigits: 1)
                try expect(UInt8(ascii: "."))
                let weekday = try parseNumber(maxDigits: 1)
                guard (1...12).contains(month), (1...5).contains(week), (0...6).contains(weekday) else {
                    throw failure("M\(month).\(week).\(weekday) out of range")
                }
                day = .monthWeekDay(month: month, week: week, weekday: weekday)
            default:
                let n = try parseNumber(maxDigits: 3)
                guard n <= 365 else { throw failure("day \(n) out of 0...365") }
                day = .zeroBased(n)
            }
            var time: Int64 = 7200
            if next == UInt8(ascii: "/") {
                position += 1
                time = try parseTime(maximumHours: 167)
            }
            return Transition(day: day, time: time)
        }

        mutating func parseNumber(maxDigits: Int) throws(UnitParseError) -> Int64 {
            var value: Int64 = 0
            var count = 0
            while let byte = next, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte), count < maxDigits {
                value = value * 10 + Int64(byte - UInt8(ascii: "0"))
                count += 1
                position += 1
            }
            guard count > 0 else { throw failure("number expected") }
            return value
        }

        mutating func expect(_ byte: UInt8) throws(UnitParseError) {
            guard next == byte else { throw failure("'\(Character(Unicode.Scalar(byte)))' expected") }
            position += 1
        }

        static func isLetter(_ byte: UInt8) -> Bool {
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
        }

        static func isAlphanumeric(_ byte: UInt8) -> Bool {
            isLetter(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
        }
    }
}
