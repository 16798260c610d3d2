public import FoundationEssentials

/// A daily window of wall-clock time in a zone, such as "22:00-07:30", during which alerts wait.
///
/// The window may wrap past midnight; "00:00-24:00" is all day. It follows the wall clock: on the night
/// clocks go back, a time inside the window that occurs twice is inside it both times.
public struct QuietHours: Sendable, Hashable, CustomStringConvertible {
    /// Where the window starts, in minutes after midnight (0...1439).
    public let startMinute: Int
    /// Where the window ends, in minutes after midnight (1...1440; 1440 is the next midnight).
    public let endMinute: Int
    /// The zone whose wall clock the window follows.
    public let zone: ZoneInfo

    /// Parses "HH:MM-HH:MM" (a space around the dash or an en dash is fine; "7:30" needs no leading zero).
    /// The end may be "24:00". Equal ends are an error: write "00:00-24:00" for all day.
    public init(parsing text: String, zone: ZoneInfo) throws(UnitParseError) {
        let hint = "write a window such as 22:00-07:30"
        let parts = DecimalLiteral.trimmed(text).split { $0 == "-" || $0 == "\u{2013}" }
        guard parts.count == 2,
            let start = Self.minutes(DecimalLiteral.trimmed(parts[0])),
            let end = Self.minutes(DecimalLiteral.trimmed(parts[1]))
        else {
            throw UnitParseError(input: text, message: "'\(text)' is not a daily time window", hint: hint)
        }
        guard start < 1440 else {
            throw UnitParseError(input: text, message: "quiet hours '\(text)' start at 24:00", hint: hint)
        }
        guard start != end else {
            throw UnitParseError(
                input: text,
                message: "quiet hours '\(text)' start and end at the same time",
                hint: hint
            )
        }
        startMinute = start
        endMinute = end == 0 ? 1440 : end
        self.zone = zone
    }

    /// Whether the window covers the whole day.
    public var isAllDay: Bool { startMinute == 0 && endMinute == 1440 }

    /// Whether `date` falls inside the window.
    public func contains(_ date: Date) -> Bool {
        let local = zone.localDateTime(date)
        return contains(secondOfDay: (local.hour * 60 + local.minute) * 60 + local.second)
    }

    /// The first instant at or after `date` outside the window: `date` itself when it is outside, else the
    /// instant the window ends. An all-day window never ends; the answer then is `Date.distantFuture`.
    public func end(after date: Date) -> Date {
        guard contains(date) else { return date }
        if isAllDay { return .distantFuture }
        let local = zone.localDateTime(date)
        let secondOfDay = (local.hour * 60 + local.minute) * 60 + local.second
        // A window that wraps midnight and has started today ends tomorrow; any other ends today.
        let endsTomorrow = startMinute > endMinute && secondOfDay >= startMinute * 60
        let wallClockEnd = ZoneInfo.localSeconds(
            year: local.year,
            month: local.month,
            day: local.day + (endsTomorrow ? 1 : 0),
            hour: 0,
            minute: endMinute,
            second: 0
        )
        let instant = ZoneInfo.instant(of: date)
        let candidates = zone.resolve(local: wallClockEnd).instants
        // Clocks going back can put the first occurrence of the end before `date`: take the next one.
        let end = candidates.first { $0 > instant } ?? candidates[candidates.count - 1]
        return Date(timeIntervalSince1970: Double(end))
    }

    /// "22:00-07:30 Europe/Paris".
    public var description: String {
        "\(Self.format(startMinute))-\(Self.format(endMinute)) \(zone.identifier)"
    }

    private func contains(secondOfDay: Int) -> Bool {
        let start = startMinute * 60
        let end = endMinute * 60
        return start < end ? (secondOfDay >= start && secondOfDay < end) : (secondOfDay >= start || secondOfDay < end)
    }

    /// "7:30", "07:30" or "24:00" as minutes after midnight.
    private static func minutes(_ text: Substring) -> Int? {
        let pieces = text.split(separator: ":", omittingEmptySubsequences: false)
        guard pieces.count == 2, (1...2).contains(pieces[0].count), pieces[1].count == 2,
            pieces.allSatisfy({ $0.allSatisfy(DecimalLiteral.isDigit) }),
            let hour = Int(pieces[0]), let minute = Int(pieces[1]), minute < 60,
            hour < 24 || (hour == 24 && minute == 0)
        else { return nil }
        return hour * 60 + minute
    }

    private static func format(_ minutes: Int) -> String {
        "\(ZoneOffset.twoDigits(minutes / 60)):\(ZoneOffset.twoDigits(minutes % 60))"
    }
}
