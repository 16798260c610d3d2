public import FoundationEssentials

/// Checked conversions of the numbers provider APIs send, for the adapters (JSON source, Airalo, 1NCE): a JSON
/// number is a Double that may be 1e19, -1, or (written as a string) "inf", and `Int64(_:)` traps on all of them.
/// Each helper refuses what is out of `Plausible` range with a message naming the key.
extension JSONNode {
    /// A data amount given as a number (or a numeric string) of `unit` bytes: "remaining": 1024.5 in MB.
    public func bytes(key: String, unit: Double = 1) throws(JSONNodeError) -> ByteCount {
        try figure(key, "a number") { value throws(UnitParseError) in
            try Plausible.bytes(value, unit: unit, what: "`\(key)`")
        }
    }

    /// A date given as a number of seconds (or milliseconds) since 1970.
    public func unixDate(key: String, milliseconds: Bool) throws(JSONNodeError) -> Date {
        try figure(key, "a number of \(milliseconds ? "milliseconds" : "seconds")") { value throws(UnitParseError) in
            try Plausible.date(secondsSince1970: milliseconds ? value / 1000 : value, what: "`\(key)`")
        }
    }

    /// An amount of money given as a bare number in `currency`, rounded to the cent.
    public func money(key: String, currency: String) throws(JSONNodeError) -> Money {
        try figure(key, "an amount of money") { value throws(UnitParseError) in
            try Plausible.money(value, currency: currency, what: "`\(key)`")
        }
    }

    /// The number this node holds as `check` takes it. Not a number, the error says `key` is not `expected`
    /// ("a number"); what `check` refuses keeps its message.
    private func figure<T>(
        _ key: String,
        _ expected: String,
        _ check: (Double) throws(UnitParseError) -> T
    ) throws(JSONNodeError) -> T {
        guard let value = numberValue else {
            throw JSONNodeError(message: "`\(key)` is not \(expected)")
        }
        do {
            return try check(value)
        } catch {
            throw JSONNodeError(message: error.message)
        }
    }

    /// A status as text for matching: a string as it is, an integral number without a fraction ("2" for 2.0),
    /// any other number as Swift prints it ("1e+19", "inf": no status map has those, so they read as unknown).
    public var statusText: String? {
        switch self {
        case .string(let text): return text
        case .number(let value): return Plausible.integer(value).map(String.init) ?? "\(value)"
        case .bool(let value): return String(value)
        default: return nil
        }
    }

    /// An OAuth `expires_in` as the time to keep the token: 90 % of it (renewed a little early), at least
    /// `minimum`, at most a day; an hour when absent, and `minimum` when it is not a finite positive number.
    public static func tokenLifetime(_ node: JSONNode?, minimum: TimeSpan = .minutes(1)) -> TimeSpan {
        let given = node.map { $0.numberValue } ?? 3600
        guard let seconds = given, seconds.isFinite, seconds > 0 else { return minimum }
        let kept = min(seconds * 0.9, TimeSpan.days(1).timeInterval)
        return TimeSpan(seconds: max(minimum.seconds, Int64(kept.rounded(.down))))
    }
}
