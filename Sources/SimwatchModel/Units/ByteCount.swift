/// An amount of data, such as a plan's allowance or what is left of it.
///
/// Parsing accepts a number, optional white space, and a unit, ignoring case:
/// - decimal units, powers of 1000: B, kB (KB, k), MB (M), GB (G), TB (T), and the French octets o, Ko, Mo, Go, To;
/// - binary units, powers of 1024: KiB, MiB, GiB, TiB (and Kio, Mio, Gio, Tio);
/// - long forms: "bytes", "kilobytes", "megabytes", "gigabytes", "terabytes" (and singulars).
///
/// The decimal separator may be a comma or a dot ("1,5 Go", "2.5GB"); a bare number is a count of bytes.
/// Negative amounts, amounts above 1 PB (`Plausible.maximumBytes`), digit grouping ("1,500 MB" is rejected as
/// ambiguous) and "unlimited" are errors:
/// callers that allow an unlimited plan check for that word themselves.
///
/// Encoded as a plain integer number of bytes.
public struct ByteCount: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The number of bytes; negative only when built by arithmetic (a difference), never by parsing.
    public var bytes: Int64

    /// Wraps a number of bytes.
    public init(bytes: Int64) {
        self.bytes = bytes
    }

    /// No data.
    public static let zero = ByteCount(bytes: 0)

    /// Parses an amount such as "500 MB", "1,5 Go", "2.5GiB" or "1048576".
    public init(parsing text: String) throws(UnitParseError) {
        let examples = "write e.g. 500 MB, 1.5 GB or 2 GiB"
        var rest = DecimalLiteral.trimmed(text)
        guard !rest.isEmpty else {
            throw UnitParseError(input: text, message: "empty data amount", hint: examples)
        }
        if rest.first == "-" || rest.first == "\u{2212}" {
            throw UnitParseError(input: text, message: "data amount '\(text)' is negative", hint: examples)
        }
        guard let number = DecimalLiteral.scan(&rest) else {
            throw UnitParseError(input: text, message: "'\(text)' is not a data amount", hint: examples)
        }
        try number.requireNoDigitGrouping(in: text, example: "1.5 GB or 1500 MB")
        let unit = DecimalLiteral.trimmed(rest).lowercased()
        guard let multiplier = Self.multipliers[unit] else {
            throw UnitParseError(
                input: text,
                message: "unknown data unit '\(DecimalLiteral.trimmed(rest))' in '\(text)'",
                hint: "use B, kB, MB, GB, TB, KiB, MiB, GiB, TiB or o, Ko, Mo, Go, To"
            )
        }
        guard let value = number.rounded(multipliedBy: multiplier), value <= Int128(Plausible.maximumBytes),
            let bytes = Int64(exactly: value)
        else {
            throw UnitParseError(
                input: text,
                message: "data amount '\(text)' is more than 1 PB, the largest plausible amount"
            )
        }
        self.bytes = bytes
    }

    /// An amount in kilobytes (1000 bytes), rounded to the nearest byte; NaN is zero, huge values saturate.
    public static func kilobytes(_ value: Double) -> ByteCount { scaled(value, by: 1e3) }

    /// An amount in megabytes (10⁶ bytes, as providers that report "MB" mean it), rounded to the nearest byte.
    public static func megabytes(_ value: Double) -> ByteCount { scaled(value, by: 1e6) }

    /// An amount in gigabytes (10⁹ bytes), rounded to the nearest byte.
    public static func gigabytes(_ value: Double) -> ByteCount { scaled(value, by: 1e9) }

    /// The amount in decimal megabytes, for display arithmetic and ratios.
    public var megabytes: Double { Double(bytes) / 1e6 }

    /// The amount in decimal units, three significant figures at most: "0 B", "999 B", "1.5 kB", "750 MB",
    /// "2.1 GB", "2 GB", "12 GB". Below 10 of the unit one decimal is shown (and dropped when it is 0).
    public var description: String {
        let sign = bytes < 0 ? "-" : ""
        let magnitude = Int128(bytes).magnitude
        guard magnitude >= 1000 else { return "\(sign)\(magnitude) B" }
        let units = ["kB", "MB", "GB", "TB", "PB", "EB"]
        var index = 0
        var divisor: UInt128 = 1000
        while index < units.count - 1 && magnitude >= divisor * 1000 {
            index += 1
            divisor *= 1000
        }
        while true {
            if magnitude < divisor * 10 {
                let tenths = (magnitude * 10 + divisor / 2) / divisor
                let text = tenths % 10 == 0 ? "\(tenths / 10)" : "\(tenths / 10).\(tenths % 10)"
                return "\(sign)\(text) \(units[index])"
            }
            let whole = (magnitude + divisor / 2) / divisor
            if whole >= 1000 && index < units.count - 1 {
                index += 1
                divisor *= 1000
                continue
            }
            return "\(sign)\(whole) \(units[index])"
        }
    }

    /// Orders by number of bytes.
    public static func < (lhs: ByteCount, rhs: ByteCount) -> Bool { lhs.bytes < rhs.bytes }

    /// The sum of two amounts.
    public static func + (lhs: ByteCount, rhs: ByteCount) -> ByteCount { ByteCount(bytes: lhs.bytes + rhs.bytes) }

    /// The difference of two amounts, negative when `rhs` is larger.
    public static func - (lhs: ByteCount, rhs: ByteCount) -> ByteCount { ByteCount(bytes: lhs.bytes - rhs.bytes) }

    /// Decodes a plain integer number of bytes.
    public init(from decoder: any Decoder) throws {
        bytes = try decoder.singleValueContainer().decode(Int64.self)
    }

    /// Encodes a plain integer number of bytes.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(bytes)
    }

    private static func scaled(_ value: Double, by factor: Double) -> ByteCount {
        let product = (value * factor).rounded()
        if product.isNaN { return .zero }
        // 2^63 itself is not representable as Int64, so saturate at the first Double at or beyond it.
        if product >= 9_223_372_036_854_775_808.0 { return ByteCount(bytes: .max) }
        if product <= -9_223_372_036_854_775_808.0 { return ByteCount(bytes: .min) }
        return ByteCount(bytes: Int64(product))
    }

    private static let multipliers: [String: Int128] = {
        var table: [String: Int128] = [:]
        let units: [(Int128, [String])] = [
            (1, ["", "b", "byte", "bytes", "o", "octet", "octets"]),
            (1_000, ["k", "kb", "ko", "kilobyte", "kilobytes"]),
            (1_000_000, ["m", "mb", "mo", "megabyte", "megabytes"]),
            (1_000_000_000, ["g", "gb", "go", "gigabyte", "gigabytes"]),
            (1_000_000_000_000, ["t", "tb", "to", "terabyte", "terabytes"]),
            (1 << 10, ["kib", "kio"]),
            (1 << 20, ["mib", "mio"]),
            (1 << 30, ["gib", "gio"]),
            (1 << 40, ["tib", "tio"]),
        ]
        for (multiplier, names) in units {
            for name in names { table[name] = multiplier }
        }
        return table
    }()
}
