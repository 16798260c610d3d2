public import FoundationEssentials

/// A length of time in whole seconds: a polling interval, a reminder delay, a validity left.
///
/// Parsing accepts one or more number-and-unit parts, with or without spaces between them: "90s", "15m", "12h",
/// "3d", "2w", "1h30m", "1d 12h", "1.5h", "0,5d", "3 days", "12 hours", "1 week", "30 min", "45 sec".
/// Units are s/sec/second, m/min/minute, h/hr/hour, d/day, w/wk/week (plurals and any case accepted).
/// Fractions are rounded to the nearest second. A bare number is an error: "15" could be seconds or minutes.
/// Lengths above 100 years (`Plausible.maximumSeconds`) are errors.
///
/// Encoded as an integer number of seconds.
public struct TimeSpan: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The length in seconds; negative only when built by arithmetic, never by parsing.
    public var seconds: Int64

    /// Wraps a number of seconds.
    public init(seconds: Int64) {
        self.seconds = seconds
    }

    /// No time at all.
    public static let zero = TimeSpan(seconds: 0)

    /// `count` minutes.
    public static func minutes(_ count: Int) -> TimeSpan { TimeSpan(seconds: Int64(count) * 60) }

    /// `count` hours.
    public static func hours(_ count: Int) -> TimeSpan { TimeSpan(seconds: Int64(count) * 3600) }

    /// `count` days of 24 hours (not calendar days: a DST change does not stretch them).
    public static func days(_ count: Int) -> TimeSpan { TimeSpan(seconds: Int64(count) * 86_400) }

    /// `count` weeks of 7 × 24 hours.
    public static func weeks(_ count: Int) -> TimeSpan { TimeSpan(seconds: Int64(count) * 604_800) }

    /// Parses a length such as "15m", "1h30m", "1.5h", "3 days" or "1d 12h".
    public init(parsing text: String) throws(UnitParseError) {
        let examples = "write e.g. 90s, 15m, 1h30m, 12h, 3d or 2w"
        var rest = DecimalLiteral.trimmed(text.lowercased())
        guard !rest.isEmpty else {
            throw UnitParseError(input: text, message: "empty duration", hint: examples)
        }
        if rest.first == "-" || rest.first == "\u{2212}" {
            throw UnitParseError(input: text, message: "duration '\(text)' is negative", hint: examples)
        }
        var total: Int128 = 0
        var partCount = 0
        while !rest.isEmpty {
            guard let number = DecimalLiteral.scan(&rest) else {
                throw UnitParseError(
                    input: text,
                    message: "unexpected '\(rest.prefix(1))' in duration '\(text)'",
                    hint: examples
                )
            }
            rest = DecimalLiteral.trimmed(rest)
            let unit = rest.prefix { $0.isLetter }
            rest = rest.dropFirst(unit.count)
            if unit.isEmpty {
                let example = partCount == 0 ? "\(number.normalized)m" : "1h30m"
                let message =
                    partCount == 0 && rest.isEmpty
                    ? "duration '\(text)' has no unit" : "missing unit after \(number.normalized) in '\(text)'"
                throw UnitParseError(input: text, message: message, hint: "add a unit, e.g. \(example)")
            }
            let multiplier = try Self.multiplier(for: String(unit), in: text)
            // Each part and the running total stay within 100 years, so neither the Int128 sum nor the Int64 below
            // can overflow, and `date + span` stays a date.
            guard let value = number.rounded(multipliedBy: multiplier), value <= Int128(Plausible.maximumSeconds)
            else {
                throw UnitParseError(input: text, message: "duration '\(text)' is longer than 100 years")
            }
            total += value
            guard total <= Int128(Plausible.maximumSeconds) else {
                throw UnitParseError(input: text, message: "duration '\(text)' is longer than 100 years")
            }
            partCount += 1
            // Parts may be separated by spaces or a comma: "1d 12h", "1 day, 12 hours".
            rest = DecimalLiteral.trimmed(rest)
            if rest.first == "," { rest = DecimalLiteral.trimmed(rest.dropFirst()) }
        }
        seconds = Int64(total)
    }

    /// The length in seconds as a `TimeInterval`.
    public var timeInterval: Double { Double(seconds) }

    /// At most the two largest non-zero parts, smaller ones dropped: "0s", "45s", "15m", "1h 30m", "3d", "2d 4h".
    /// Weeks are used only for an exact number of weeks ("2w"); otherwise days ("10d 2h").
    public var description: String {
        let sign = seconds < 0 ? "-" : ""
        let magnitude = seconds.magnitude
        if magnitude == 0 { return "0s" }
        if magnitude % 604_800 == 0 { return "\(sign)\(magnitude / 604_800)w" }
        let parts: [(UInt64, String)] = [
            (magnitude / 86_400, "d"),
            (magnitude % 86_400 / 3600, "h"),
            (magnitude % 3600 / 60, "m"),
            (magnitude % 60, "s"),
        ]
        // A loop, not filter/map/joined: `simwatchctl status` prints one, and each generic algorithm's first use
        // in a short-lived process costs a search of the runtime's conformance tables.
        var text = sign
        var shown = 0
        for (value, unit) in parts where value != 0 && shown < 2 {
            text += shown == 0 ? "\(value)\(unit)" : " \(value)\(unit)"
            shown += 1
        }
        return text
    }

    /// Orders by length.
    public static func < (lhs: TimeSpan, rhs: TimeSpan) -> Bool { lhs.seconds < rhs.seconds }

    /// The sum of two lengths.
    public static func + (lhs: TimeSpan, rhs: TimeSpan) -> TimeSpan { TimeSpan(seconds: lhs.seconds + rhs.seconds) }

    /// The difference of two lengths.
    public static func - (lhs: TimeSpan, rhs: TimeSpan) -> TimeSpan { TimeSpan(seconds: lhs.seconds - rhs.seconds) }

    /// Decodes an integer number of seconds.
    public init(from decoder: any Decoder) throws {
        seconds = try decoder.singleValueContainer().decode(Int64.self)
    }

    /// Encodes an integer number of seconds.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(seconds)
    }

    private static func multiplier(for unit: String, in text: String) throws(UnitParseError) -> Int128 {
        switch unit {
        case "s", "sec", "secs", "second", "seconds": return 1
        case "m", "min", "mins", "minute", "minutes": return 60
        case "h", "hr", "hrs", "hour", "hours": return 3600
        case "d", "day", "days": return 86_400
        case "w", "wk", "wks", "week", "weeks": return 604_800
        case "mo", "mon", "month", "months", "y", "yr", "yrs", "year", "years":
            throw UnitParseError(
                input: text,
                message: "months and years have no fixed length ('\(text)')",
                hint: "use days or weeks, e.g. 30d or 4w"
            )
        default:
            throw UnitParseError(
                input: text,
                message: "unknown time unit '\(unit)' in '\(text)'",
                hint: "use s, m, h, d or w (or seconds, minutes, hours, days, weeks)"
            )
        }
    }
}

extension Date {
    /// The instant `span` later.
    public static func + (date: Date, span: TimeSpan) -> Date { date.addingTimeInterval(span.timeInterval) }

    /// The instant `span` earlier.
    public static func - (date: Date, span: TimeSpan) -> Date { date.addingTimeInterval(-span.timeInterval) }
}
