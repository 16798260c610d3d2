public import FoundationEssentials

/// Reads an HTTP `Retry-After` header (RFC 9110, section 10.2.3): a number of seconds ("120") or an
/// IMF-fixdate ("Sun, 06 Nov 1994 08:49:37 GMT").
///
/// The header comes from a server simwatch does not control, so nothing in it is trusted: the wait is clamped
/// to `maximum`, and a header that is neither form, a negative number, or a date with fields out of range or
/// outside 1970-01-01 to 9999-12-31 (`Plausible`) is ignored (nil), leaving the caller's own backoff in charge.
public enum RetryAfter {
    /// A day. A server asking for more (or for 99999999999 s) gets its answer a day later: long enough to
    /// respect a throttle, short enough that a typo in its header does not silence a line for ever.
    public static let maximum = TimeSpan.days(1)

    /// The wait a header asks for, 0 to `maximum`; nil when there is no usable header.
    public static func wait(_ value: String?, now: Date) -> TimeSpan? {
        guard let text = value.map(DecimalLiteral.trimmed), !text.isEmpty else { return nil }
        if text.allSatisfy(DecimalLiteral.isDigit) { return seconds(text) }
        guard let date = date(text) else { return nil }
        let wait = date.timeIntervalSince(now)
        guard wait > 0 else { return .zero }
        return wait >= maximum.timeInterval ? maximum : TimeSpan(seconds: Int64(wait.rounded(.up)))
    }

    /// The delay-seconds form only ("120"), for callers without a clock; nil for anything else.
    public static func wait(_ value: String?) -> TimeSpan? {
        guard let text = value.map(DecimalLiteral.trimmed), !text.isEmpty, text.allSatisfy(DecimalLiteral.isDigit)
        else { return nil }
        return seconds(text)
    }

    /// Digits as a number of seconds, clamped: any run of digits too long for `Int64` is more than a day.
    private static func seconds(_ digits: Substring) -> TimeSpan {
        guard let seconds = Plausible.integer(parsing: digits), seconds < maximum.seconds else { return maximum }
        return TimeSpan(seconds: seconds)
    }

    /// An IMF-fixdate with every field in range; nil otherwise.
    static func date(_ text: Substring) -> Date? {
        let parts = text.split(separator: " ")
        guard parts.count == 6, parts[0].count == 4, parts[0].last == ",", parts[5] == "GMT",
            parts[1].count == 2, let day = Int(parts[1]),
            let monthIndex = months.firstIndex(of: String(parts[2])),
            parts[3].count == 4, parts[3].allSatisfy(DecimalLiteral.isDigit), let year = Int(parts[3])
        else { return nil }
        let clock = parts[4].split(separator: ":", omittingEmptySubsequences: false)
        guard clock.count == 3, clock.allSatisfy({ $0.count == 2 && $0.allSatisfy(DecimalLiteral.isDigit) }),
            let hour = Int(clock[0]), let minute = Int(clock[1]), let second = Int(clock[2]),
            hour <= 23, minute <= 59, second <= 60,
            (1...MonthlyCycle.daysIn(year: year, month: monthIndex + 1)).contains(day)
        else { return nil }
        // A leap second (":60") is read as the last second of its minute.
        let date = ZoneInfo.utc.date(
            year: year,
            month: monthIndex + 1,
            day: day,
            hour: hour,
            minute: minute,
            second: min(second, 59)
        )
        return try? Plausible.date(date, what: "Retry-After")
    }

    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
}
