public import FoundationEssentials
public import SimwatchCore

/// Reads data, credit and expiry out of a carrier's USSD or SMS text with regular expressions (Swift Regex)
/// whose named captures say what was found:
/// - data (remaining, used, total): `amount` ("1,2", "1 024,5", "3.5") and `unit` ("Go", "Mo", "GB", "octets");
/// - credit: `amount` and optionally `currency` ("EUR", "€", "euros"; EUR when absent);
/// - expiry: `day`, `month` (a number or a French month name) and `year` (2 or 4 digits), optionally `hour` and
///   `minute`; without a time the plan lasts to the end of that day.
/// For each figure the first pattern that matches wins. Matching ignores case.
public struct ReplyParser: Sendable, Hashable {
    public var remaining: [String]
    public var used: [String]
    public var total: [String]
    public var credit: [String]
    public var expiry: [String]
    /// Patterns whose match means an unlimited plan.
    public var unlimited: [String]
    /// "Go" and "Mo" as powers of 1024 (some carriers count that way) instead of 1000.
    public var binaryUnits: Bool
    /// Zone of the dates in the text.
    public var timeZone: ZoneInfo

    public init(
        remaining: [String] = [],
        used: [String] = [],
        total: [String] = [],
        credit: [String] = [],
        expiry: [String] = [],
        unlimited: [String] = [],
        binaryUnits: Bool = false,
        timeZone: ZoneInfo = .utc
    ) {
        self.remaining = remaining
        self.used = used
        self.total = total
        self.credit = credit
        self.expiry = expiry
        self.unlimited = unlimited
        self.binaryUnits = binaryUnits
        self.timeZone = timeZone
    }

    /// Every pattern, for validation.
    public var allPatterns: [String] { remaining + used + total + credit + expiry + unlimited }

    /// Checks that a pattern compiles; returns the compiler's message if not.
    public static func problem(in pattern: String) -> String? {
        do {
            _ = try Regex(pattern)
            return nil
        } catch {
            return "\(error)"
        }
    }

    /// What the text says. Throws when no pattern found anything.
    public func parse(_ text: String) throws(ReplyParseError) -> ParsedReply {
        var reply = ParsedReply()
        reply.remaining = try firstAmount(remaining, "remaining", in: text)
        reply.used = try firstAmount(used, "used", in: text)
        reply.total = try firstAmount(total, "total", in: text)
        reply.credit = try firstCredit(in: text)
        reply.expiresAt = firstExpiry(in: text)
        reply.unlimited = unlimited.contains { pattern in Self.match(pattern, in: text) != nil }
        guard reply.hasAnything else {
            throw ReplyParseError(message: "no data, credit or expiry found in the reply \"\(Self.preview(text))\"")
        }
        return reply
    }

    /// The text on one line, cut at 160 characters, for messages.
    public static func preview(_ text: String) -> String {
        let flat = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        return flat.count > 160 ? String(flat.prefix(160)) + "…" : flat
    }

    static func match(_ pattern: String, in text: String) -> Regex<AnyRegexOutput>.Match? {
        guard let regex = try? Regex(pattern).ignoresCase() else { return nil }
        return try? regex.firstMatch(in: text)
    }

    static func capture(_ match: Regex<AnyRegexOutput>.Match, _ name: String) -> String? {
        match.output[name]?.substring.map(String.init)
    }

    private func firstAmount(
        _ patterns: [String],
        _ what: String,
        in text: String
    ) throws(ReplyParseError) -> ByteCount? {
        for pattern in patterns {
            guard let match = Self.match(pattern, in: text), let raw = Self.capture(match, "amount"),
                let amount = FrenchNumber.parse(raw)
            else { continue }
            let unit = Self.capture(match, "unit") ?? "o"
            guard let multiplier = FrenchNumber.bytesPerUnit(unit, binary: binaryUnits) else { continue }
            // "99999999999 Go" is 10²⁰ bytes: beyond Int64, so a malformed reply rather than a trap.
            guard let bytes = try? Plausible.bytes(amount, unit: multiplier, what: what) else {
                throw ReplyParseError(
                    message: "\(what) \"\(raw) \(unit)\" is not a plausible amount (0 to 1 PB) in the reply "
                        + "\"\(Self.preview(text))\""
                )
            }
            return bytes
        }
        return nil
    }

    private func firstCredit(in text: String) throws(ReplyParseError) -> Money? {
        for pattern in credit {
            guard let match = Self.match(pattern, in: text), let raw = Self.capture(match, "amount"),
                let amount = FrenchNumber.parse(raw)
            else { continue }
            let currency = Self.capture(match, "currency").map(FrenchNumber.currencyCode) ?? "EUR"
            guard let money = try? Plausible.money(amount, currency: currency, what: "credit") else {
                throw ReplyParseError(
                    message: "credit \"\(raw)\" is not a plausible amount (at most 10^12) in the reply "
                        + "\"\(Self.preview(text))\""
                )
            }
            return money
        }
        return nil
    }

    private func firstExpiry(in text: String) -> Date? {
        for pattern in expiry {
            guard let match = Self.match(pattern, in: text),
                let day = Self.capture(match, "day").flatMap({ Int($0) }),
                let month = Self.capture(match, "month").flatMap(FrenchNumber.month),
                var year = Self.capture(match, "year").flatMap({ Int($0) })
            else { continue }
            if year < 100 { year += 2000 }
            // A year outside 1970...9999 is no expiry date (and keeps the day arithmetic below in range).
            guard (1970...9999).contains(year), (1...12).contains(month), day >= 1,
                day <= MonthlyCycle.daysIn(year: year, month: month)
            else {
                continue
            }
            if let hour = Self.capture(match, "hour").flatMap({ Int($0) }), (0...23).contains(hour) {
                let minute = Self.capture(match, "minute").flatMap { Int($0) } ?? 0
                return timeZone.date(year: year, month: month, day: day, hour: hour, minute: min(max(minute, 0), 59))
            }
            // "valable jusqu'au 15/12/2026": the whole of that day.
            let (ny, nm, nd) =
                day < MonthlyCycle.daysIn(year: year, month: month)
                ? (year, month, day + 1) : (month == 12 ? (year + 1, 1, 1) : (year, month + 1, 1))
            return timeZone.date(year: ny, month: nm, day: nd, hour: 0, minute: 0)
        }
        return nil
    }
}

/// What a carrier's text said.
public struct ParsedReply: Sendable, Hashable {
    public var remaining: ByteCount?
    public var used: ByteCount?
    public var total: ByteCount?
    public var credit: Money?
    public var expiresAt: Date?
    public var unlimited = false

    public init() {}

    var hasAnything: Bool {
        remaining != nil || used != nil || total != nil || credit != nil || expiresAt != nil || unlimited
    }
}

/// A reply the patterns did not understand.
public struct ReplyParseError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String

    public init(message: String) {
        self.message = message
    }

    public var description: String { message }
}

/// Numbers, units, currencies and month names as French carriers write them.
public enum FrenchNumber {
    /// "1,2" → 1.2, "1 024,5" → 1024.5 (spaces, no-break spaces as grouping), "1.024,5" → 1024.5, "3.5" → 3.5.
    public static func parse(_ text: String) -> Double? {
        var digits = String(text.filter { !$0.isWhitespace && $0 != "\u{00A0}" && $0 != "\u{202F}" && $0 != "'" })
        while let last = digits.last, last == "." || last == "," { digits.removeLast() }
        let lastComma = digits.lastIndex(of: ",")
        let lastDot = digits.lastIndex(of: ".")
        if let comma = lastComma, let dot = lastDot {
            // Both: the later one is the decimal separator, the other groups digits.
            let decimal: Character = comma > dot ? "," : "."
            let grouping: Character = decimal == "," ? "." : ","
            digits = String(digits.filter { $0 != grouping }).replacing(String(decimal), with: ".")
        } else {
            digits = digits.replacing(",", with: ".")
        }
        guard digits.filter({ $0 == "." }).count <= 1 else { return nil }
        return Double(digits)
    }

    /// Bytes in one unit: o/B, Ko/kB, Mo/MB, Go/GB, To/TB (powers of 1000, or 1024 when `binary`), and
    /// Kio/KiB, Mio/MiB, Gio/GiB, Tio/TiB (always 1024). "octets", "mégaoctets", "gigaoctets" are understood.
    public static func bytesPerUnit(_ unit: String, binary: Bool) -> Double? {
        let u = unit.lowercased().folding().filter { !$0.isWhitespace }
        let long: [String: Int] = [
            "octet": 0, "octets": 0, "byte": 0, "bytes": 0, "kilooctets": 1, "megaoctets": 2,
            "gigaoctets": 3, "teraoctets": 4, "kilooctet": 1, "megaoctet": 2, "gigaoctet": 3, "teraoctet": 4,
        ]
        if let power = long[u] { return Self.power(binary ? 1024 : 1000, power) }
        let prefixes: [Character: Int] = ["k": 1, "m": 2, "g": 3, "t": 4]
        if u == "o" || u == "b" { return 1 }
        guard let first = u.first, let power = prefixes[first] else { return nil }
        let rest = u.dropFirst()
        if rest == "io" || rest == "ib" { return Self.power(1024, power) }
        if rest == "o" || rest == "b" || rest.isEmpty { return Self.power(binary ? 1024 : 1000, power) }
        return nil
    }

    static func power(_ base: Double, _ exponent: Int) -> Double {
        (0..<exponent).reduce(1) { value, _ in value * base }
    }

    /// "€", "eur", "euros" → "EUR"; anything else upper-cased.
    public static func currencyCode(_ text: String) -> String {
        let t = DecimalLiteral.trimmed(text.lowercased())
        if t == "€" || t.hasPrefix("eur") { return "EUR" }
        if t == "$" { return "USD" }
        return t.uppercased()
    }

    /// "12" → 12, "décembre", "dec.", "DÉC" → 12.
    public static func month(_ text: String) -> Int? {
        if let n = Int(text) { return n }
        let t = text.lowercased().folding().filter(\.isLetter)
        let names = [
            "janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout", "septembre", "octobre",
            "novembre", "decembre",
        ]
        if let exact = names.firstIndex(of: t) { return exact + 1 }
        // Abbreviations: "janv", "fev", "sept", "dec"; "juin"/"juil" need four letters to tell apart.
        guard t.count >= 3 else { return nil }
        let candidates = names.indices.filter { names[$0].hasPrefix(t) }
        return candidates.count == 1 ? candidates[0] + 1 : nil
    }
}

extension String {
    /// Lower-level accent removal for the French letters carriers use (é è ê ë à â î ï ô û ù ü ç).
    func folding() -> String {
        let table: [Character: Character] = [
            "é": "e", "è": "e", "ê": "e", "ë": "e", "à": "a", "â": "a", "î": "i", "ï": "i", "ô": "o", "û": "u",
            "ù": "u", "ü": "u", "ç": "c", "É": "e", "È": "e", "Ê": "e", "À": "a", "Ç": "c",
        ]
        return String(self.map { table[$0] ?? $0 })
    }
}
