public import FoundationEssentials

/// The ranges a figure from outside (a provider API, a script, an SMS or USSD reply, an HTTP header, the
/// configuration, the command line) must fall in before simwatch computes with it, and the checked conversions
/// that enforce them.
///
/// Swift traps on integer overflow, and converting a Double that is infinite, NaN or beyond Int64 to an integer
/// traps too. Every number that arrives from outside goes through one of these functions first, so that the rest
/// of the code can add, subtract and convert figures without checks: each bound is far below `Int64.max`, so sums
/// and products of a few in-range values cannot overflow. A value out of range is a clear error (a
/// `UnitParseError` whose message names the value and the limit), which each layer reports as its own error: a
/// malformed read, a configuration error naming the key, an invalid control parameter.
public enum Plausible {
    /// 1 PB (10¹⁵ bytes). The largest data plans are a few TB; a petabyte is a thousand times that and still
    /// 9000 times below `Int64.max`, so thousands of amounts add up without overflow. "Unlimited" markers such as
    /// 9223372036854775807 are above it on purpose: they are not a balance, and a provider that means unlimited
    /// says so in a status.
    public static let maximumBytes: Int64 = 1_000_000_000_000_000

    /// 100 years of 365.25 days, in seconds. No plan, poll interval, reminder or snooze is longer; the bound
    /// keeps `date + span` within a few centuries of now, where dates convert to whole seconds without overflow.
    public static let maximumSeconds: Int64 = 3_155_760_000

    /// 1970-01-01T00:00:00Z. Nothing simwatch watches expired or was read before the Unix epoch; an earlier date
    /// is a zero or a negative number a provider sent by mistake.
    public static let earliestSecondsSince1970: Int64 = 0

    /// 9999-12-31T23:59:59Z, the last instant with a four-digit year: what ISO 8601 text can express, and what
    /// "never expires" markers such as 9999-12-31 mean.
    public static let latestSecondsSince1970: Int64 = 253_402_300_799

    /// 10¹² units of any currency. Prepaid credit is a few dozen; a trillion leaves room for any currency's
    /// smallest unit while keeping cents well inside `Int64` (10¹⁴ cents).
    public static let maximumMoney: Int64 = 1_000_000_000_000

    /// The earliest plausible instant.
    public static var earliestDate: Date { Date(timeIntervalSince1970: Double(earliestSecondsSince1970)) }

    /// The latest plausible instant.
    public static var latestDate: Date { Date(timeIntervalSince1970: Double(latestSecondsSince1970)) }

    /// `value` rounded to the nearest integer (half away from zero) when it is finite and the result fits in
    /// `Int64`; nil for NaN, ±infinity and anything at or beyond ±2⁶³, where `Int64(_:)` would trap.
    public static func integer(_ value: Double) -> Int64? {
        guard value.isFinite else { return nil }
        let rounded = value.rounded(.toNearestOrAwayFromZero)
        // 2⁶³ is exactly representable as a Double but not as an Int64; every Double below it in magnitude is.
        guard rounded >= -9_223_372_036_854_775_808.0, rounded < 9_223_372_036_854_775_808.0 else { return nil }
        return Int64(rounded)
    }

    /// A string of ASCII digits, with an optional leading "+" or "-", as an `Int64`; nil for anything else and
    /// for values that overflow (where `Int64(_:)` on a wider type would trap or a sum would wrap).
    public static func integer(parsing text: some StringProtocol) -> Int64? {
        var digits = Substring(text)
        var negative = false
        if let sign = digits.first, sign == "+" || sign == "-" {
            negative = sign == "-"
            digits = digits.dropFirst()
        }
        guard !digits.isEmpty else { return nil }
        var value: Int64 = 0
        for byte in digits.utf8 {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
            let (times10, overflow1) = value.multipliedReportingOverflow(by: 10)
            let digit = Int64(byte - UInt8(ascii: "0"))
            let (sum, overflow2) =
                negative ? times10.subtractingReportingOverflow(digit) : times10.addingReportingOverflow(digit)
            guard !overflow1, !overflow2 else { return nil }
            value = sum
        }
        return value
    }

    /// `value` × `unit` bytes (a data balance, so not negative), rounded to the nearest byte; `what` names the
    /// figure in the error ("`remaining`", "the data amount").
    public static func bytes(_ value: Double, unit: Double = 1, what: String) throws(UnitParseError) -> ByteCount {
        let text = unit == 1 ? describe(value) : "\(describe(value)) × \(describe(unit)) bytes"
        guard value.isFinite else {
            throw UnitParseError(input: text, message: "\(what) \(text) is not a finite number")
        }
        guard value >= 0 else {
            throw UnitParseError(input: text, message: "\(what) \(text) is negative")
        }
        let product = value * unit
        guard product.isFinite, product <= Double(maximumBytes) + 0.5, let bytes = integer(product) else {
            throw UnitParseError(
                input: text,
                message: "\(what) \(text) is more than 1 PB, the largest plausible amount"
            )
        }
        return ByteCount(bytes: min(bytes, maximumBytes))
    }

    /// `amount` when it is between zero and 1 PB.
    public static func bytes(_ amount: ByteCount, what: String) throws(UnitParseError) -> ByteCount {
        guard amount.bytes >= 0 else {
            throw UnitParseError(input: "\(amount.bytes)", message: "\(what) \(amount.bytes) bytes is negative")
        }
        guard amount.bytes <= maximumBytes else {
            throw UnitParseError(
                input: "\(amount.bytes)",
                message: "\(what) \(amount.bytes) bytes is more than 1 PB, the largest plausible amount"
            )
        }
        return amount
    }

    /// `value` seconds rounded to the nearest second, when between zero and 100 years.
    public static func span(seconds value: Double, what: String) throws(UnitParseError) -> TimeSpan {
        let text = describe(value)
        guard value.isFinite else {
            throw UnitParseError(input: text, message: "\(what) \(text) is not a finite number of seconds")
        }
        guard value >= 0 else { throw UnitParseError(input: text, message: "\(what) \(text) is negative") }
        guard value <= Double(maximumSeconds), let seconds = integer(value) else {
            throw UnitParseError(input: text, message: "\(what) \(text) s is longer than 100 years")
        }
        return TimeSpan(seconds: min(seconds, maximumSeconds))
    }

    /// `span` when it is between zero and 100 years.
    public static func span(_ span: TimeSpan, what: String) throws(UnitParseError) -> TimeSpan {
        guard span.seconds >= 0 else {
            throw UnitParseError(input: "\(span.seconds)", message: "\(what) \(span) is negative")
        }
        guard span.seconds <= maximumSeconds else {
            throw UnitParseError(input: "\(span.seconds)", message: "\(what) \(span) is longer than 100 years")
        }
        return span
    }

    /// The instant `value` seconds after 1970-01-01T00:00:00Z, when between then and 9999-12-31T23:59:59Z.
    public static func date(secondsSince1970 value: Double, what: String) throws(UnitParseError) -> Date {
        let text = describe(value)
        guard value.isFinite else {
            throw UnitParseError(input: text, message: "\(what) \(text) is not a finite time")
        }
        guard value >= Double(earliestSecondsSince1970), value <= Double(latestSecondsSince1970) + 0.999 else {
            throw UnitParseError(
                input: text,
                message: "\(what) \(text) is outside 1970-01-01 to 9999-12-31 (seconds since 1970)"
            )
        }
        return Date(timeIntervalSince1970: value)
    }

    /// `date` when it is between 1970-01-01 and 9999-12-31 (both UTC, inclusive); the error shows the date in
    /// UTC ("0000-01-01T00:00:00+00:00"), not a number of seconds.
    public static func date(_ date: Date, what: String) throws(UnitParseError) -> Date {
        let seconds = date.timeIntervalSince1970
        guard seconds.isFinite,
            seconds < Double(earliestSecondsSince1970) || seconds > Double(latestSecondsSince1970) + 0.999
        else { return try self.date(secondsSince1970: seconds, what: what) }
        let text = date.iso8601(in: .utc)
        throw UnitParseError(input: text, message: "\(what) \(text) is outside 1970-01-01 to 9999-12-31")
    }

    /// `value` in `currency`, rounded to the cent, when its magnitude is at most 10¹² (credit may be negative:
    /// some plans let the balance go below zero).
    public static func money(_ value: Double, currency: String, what: String) throws(UnitParseError) -> Money {
        let text = describe(value)
        guard value.isFinite else {
            throw UnitParseError(input: text, message: "\(what) \(text) is not a finite amount")
        }
        guard value.magnitude <= Double(maximumMoney), let cents = integer(value * 100) else {
            throw UnitParseError(
                input: text,
                message: "\(what) \(text) is more than 10^12, the largest plausible amount"
            )
        }
        return Money(amount: Decimal(cents) / 100, currency: currency)
    }

    /// `money` when its magnitude is at most 10¹².
    public static func money(_ money: Money, what: String) throws(UnitParseError) -> Money {
        guard money.amount.magnitude <= Decimal(maximumMoney) else {
            throw UnitParseError(
                input: money.description,
                message: "\(what) \(money) is more than 10^12, the largest plausible amount"
            )
        }
        return money
    }

    /// A number as it appears in a message: integers without ".0", others as Swift prints them ("1e+19", "inf").
    package static func describe(_ value: Double) -> String {
        if value.isFinite, value == value.rounded(), value.magnitude < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }
}
