public import FoundationEssentials
public import SimwatchModel

/// Reads the times a person types on the command line (`--until`, `--expires`, `--since`).
///
/// Accepted, in the local zone unless an offset is written:
/// - RFC 3339 and ISO 8601: "2026-12-01T09:00:00+01:00", "2026-12-01T08:00Z";
/// - a date with an optional time: "2026-12-01" (midnight), "2026-12-01 09:00", "2026-12-01T09:00";
/// - "now", "today HH:MM", "tomorrow" (09:00), "tomorrow 18:30";
/// - a weekday, full or three letters, meaning the next such day (never today) at 09:00 or the time given:
///   "monday", "fri 18:00";
/// - a time of day alone, "18:30" or "9:00": today if still ahead, else tomorrow;
/// - a duration from now: "in 2d", "+12h".
///
/// Times of day are "H:MM" or "HH:MM" on a 24-hour clock, optionally followed by am or pm ("9am", "6:30pm").
public enum TimeArgument {
    /// The hour a day given without a time means: 09:00, a sensible moment to be reminded again.
    public static let defaultHour = 9

    /// The instant `text` names, relative to `now` in `zone`, between 1970-01-01 and 9999-12-31 (`Plausible`):
    /// "0000-01-01" is refused here, with the command line's wording, rather than by the daemon.
    public static func parse(_ text: String, now: Date, zone: ZoneInfo) throws(UnitParseError) -> Date {
        try plausible(parseAnyYear(text, now: now, zone: zone), text)
    }

    private static func parseAnyYear(_ text: String, now: Date, zone: ZoneInfo) throws(UnitParseError) -> Date {
        let words = text.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard let first = words.first else { throw failure(text, "empty time") }
        if words.count == 1, first == "now" { return now }
        if first == "in" || first.hasPrefix("+") {
            let joined = words.joined(separator: " ")
            let spanText = first == "in" ? String(joined.dropFirst(2)) : String(joined.dropFirst())
            do {
                return now + (try TimeSpan(parsing: spanText))
            } catch {
                throw failure(text, error.message, hint: error.hint)
            }
        }
        if first.first?.isNumber == true, first.contains("-") {
            do {
                return try Date(parsing: text, zone: zone)
            } catch {
                throw failure(text, error.message, hint: error.hint ?? hint)
            }
        }
        let today = zone.localDateTime(now)
        var dayOffset: Int?
        var clockWords = words
        if let offset = relativeDay(first, from: today.weekday) {
            dayOffset = offset
            clockWords.removeFirst()
        }
        guard clockWords.count <= 1 else { throw failure(text, "'\(text)' is not a time") }
        let clock = try clockWords.first.map { word throws(UnitParseError) in try timeOfDay(word, in: text) }
        switch (dayOffset, clock) {
        case (nil, nil):
            throw failure(text, "'\(text)' is not a time")
        case (let offset?, _):
            if offset == 0 && clock == nil {
                throw failure(text, "'today' needs a time", hint: "write e.g. today 18:00")
            }
            let (hour, minute) = clock ?? (defaultHour, 0)
            return zone.date(year: today.year, month: today.month, day: today.day + offset, hour: hour, minute: minute)
        case (nil, let (hour, minute)?):
            let candidate = zone.date(year: today.year, month: today.month, day: today.day, hour: hour, minute: minute)
            if candidate > now { return candidate }
            return zone.date(year: today.year, month: today.month, day: today.day + 1, hour: hour, minute: minute)
        }
    }

    /// A start of a range: a duration means that long before `now` ("7d", "12h"), "yesterday" its midnight, a
    /// weekday the last such day before today at midnight or at the time given ("monday", "fri 18:00");
    /// anything else as `parse`.
    public static func parsePast(_ text: String, now: Date, zone: ZoneInfo) throws(UnitParseError) -> Date {
        if let span = try? TimeSpan(parsing: text) { return try plausible(now - span, text) }
        let words = text.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        let today = zone.localDateTime(now)
        var back: Int?
        if words.first == "yesterday" {
            back = 1
        } else if let first = words.first, let index = weekdays.firstIndex(where: { $0.contains(first) }) {
            let days = (today.weekday - (index + 1) + 7) % 7
            back = days == 0 ? 7 : days
        }
        guard let back else { return try parse(text, now: now, zone: zone) }
        guard words.count <= 2 else { throw failure(text, "'\(text)' is not a time") }
        let (hour, minute) = try words.count == 2 ? timeOfDay(words[1], in: text) : (0, 0)
        return try plausible(
            zone.date(year: today.year, month: today.month, day: today.day - back, hour: hour, minute: minute),
            text
        )
    }

    /// `date` when between 1970-01-01 and 9999-12-31, else an error about `text`.
    static func plausible(_ date: Date, _ text: String) throws(UnitParseError) -> Date {
        do {
            return try Plausible.date(date, what: "time")
        } catch {
            throw failure(text, "'\(text)' is outside 1970-01-01 to 9999-12-31")
        }
    }

    /// A length of time such as "2d", "12h" or "1h30m" (`--for`, `--valid`), with the command line's wording.
    public static func duration(_ text: String) throws(UnitParseError) -> TimeSpan {
        let span = try TimeSpan(parsing: text)
        guard span.seconds > 0 else {
            throw UnitParseError(input: text, message: "duration '\(text)' is zero", hint: "write e.g. 12h or 2d")
        }
        return span
    }

    static let hint = "write e.g. 2026-12-01 09:00, 2026-12-01T09:00:00+01:00, tomorrow 9:00, monday, 18:30 or in 2d"

    static let weekdays = [
        ["monday", "mon"], ["tuesday", "tue", "tues"], ["wednesday", "wed"], ["thursday", "thu", "thurs"],
        ["friday", "fri"], ["saturday", "sat"], ["sunday", "sun"],
    ]

    /// Days from today that `word` means ("today" 0, "tomorrow" 1, a weekday 1 to 7), or nil.
    static func relativeDay(_ word: String, from weekday: Int) -> Int? {
        switch word {
        case "today": return 0
        case "tomorrow", "tmrw": return 1
        default:
            guard let index = weekdays.firstIndex(where: { $0.contains(word) }) else { return nil }
            let days = (index + 1 - weekday + 7) % 7
            return days == 0 ? 7 : days
        }
    }

    /// "9:00", "09:00", "18:30", "9am", "6:30pm", "12am" (midnight), "12pm" (noon).
    static func timeOfDay(_ word: String, in text: String) throws(UnitParseError) -> (Int, Int) {
        var body = Substring(word)
        var meridiem: String?
        for suffix in ["am", "pm"] where body.hasSuffix(suffix) {
            meridiem = suffix
            body = body.dropLast(2)
        }
        let parts = body.split(separator: ":", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) }),
            let hour = Int(parts[0]), parts[0].count <= 2, hour >= 0
        else { throw failure(text, "'\(text)' is not a time") }
        var minute = 0
        if parts.count == 2 {
            guard parts[1].count == 2, let m = Int(parts[1]), (0...59).contains(m) else {
                throw failure(text, "minutes out of range in '\(text)'")
            }
            minute = m
        } else if meridiem == nil {
            // A bare number could be an hour or a count of something else: ask for the colon.
            throw failure(text, "'\(text)' is not a time", hint: "write the time as \(hour):00")
        }
        switch meridiem {
        case nil:
            guard hour <= 23 else { throw failure(text, "hour \(hour) is out of range in '\(text)'") }
            return (hour, minute)
        case let suffix?:
            guard (1...12).contains(hour) else { throw failure(text, "hour \(hour) is out of range in '\(text)'") }
            return ((hour % 12) + (suffix == "pm" ? 12 : 0), minute)
        }
    }

    static func failure(_ text: String, _ message: String, hint: String? = TimeArgument.hint) -> UnitParseError {
        UnitParseError(input: text, message: message, hint: hint)
    }
}
