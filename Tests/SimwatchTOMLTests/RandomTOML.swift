/// Random documents for the differential test: built from a small alphabet of keys (so that keys, tables and
/// arrays of tables collide often) and of values (valid and nearly valid), then mutated byte by byte.
struct RandomTOML {
    var rng: SplitMix64

    init(seed: UInt64) { rng = SplitMix64(state: seed) }

    static let simpleKeys = [
        "a", "b", "c", "key", "1", "-", "_x", "\"q\"", "'lit'", "\"a.b\"", "\"\"", "\"é\"", "'a'", "A-1", "\"\\u0061\"",
    ]
    /// Valid values, picked most of the time so that most random documents are valid.
    static let validScalars = [
        "0", "1", "-1", "+42", "1_000", "0x1F", "0xdead_beef", "0o17", "0b101", "9223372036854775807",
        "-9223372036854775808", "-0", "+0", "1.5", "-0.0", "1e10", "1E-3", "6.626e-34", "inf", "-inf", "+nan", "nan",
        "1_0.0_1", "0.1e+2", "1e400", "0e0", "-0e-0", "true", "false", "\"hi\"", "\"\\u00e9\"", "\"tab\\t\"",
        "\"\\U0001F600\"", "\"a\\\\b\"", "\"\"", "'lit'", "''", "'\\no'", "\"\"\"\nml\n\"\"\"", "\"\"\"a\"\"\"\"",
        "\"\"\"\"\"\"", "'''ml\n'''", "'''a''''", "\"\"\"line \\\n   end\"\"\"", "\"\"\"\\  \n x\"\"\"", "\"é\"",
        "'\t'",
        "1979-05-27", "1979-05-27T07:32:00Z", "1979-05-27 07:32:00.999999-07:00", "07:32:00", "2000-02-29",
        "1979-05-27T07:32:00.1234567", "1979-05-27t07:32:00z",
    ]
    /// Nearly valid values. (Not the year 0000: TOML allows it, Python's datetime does not.)
    static let trickyScalars = [
        "9223372036854775808", "007", "1__0", "0_0", "1_", "_1", "0x", "-0x1", "1.", ".5", "1e_5", "3.14_", "00.5",
        "tru", "True", "\"\\x41\"", "\"\\uD800\"", "\"unterminated", "2001-02-29", "1979-13-01", "07:32", "24:00:00",
        "1979-05-27T07:32:60", "1979-05-27T07:32:00+24:00", "1979-05-27T", "1979-05-27T00:00:00.",
    ]

    mutating func pick<T>(_ items: [T]) -> T { items[Int(rng.next() % UInt64(items.count))] }

    mutating func chance(_ percent: UInt64) -> Bool { rng.next() % 100 < percent }

    mutating func key() -> String {
        var parts = [pick(Self.simpleKeys)]
        while chance(25) && parts.count < 4 { parts.append(pick(Self.simpleKeys)) }
        return parts.joined(separator: pick([".", " . ", ".", "..", ". "]))
    }

    mutating func value(depth: Int) -> String {
        let roll = rng.next() % 100
        if depth < 4 && roll < 12 {
            let count = Int(rng.next() % 4)
            let separator = pick([", ", ",\n  ", " , ", ",# c\n", ","])
            var items: [String] = []
            for _ in 0..<count { items.append(value(depth: depth + 1)) }
            return "[" + items.joined(separator: separator) + (chance(20) ? "," : "") + pick(["]", "\n]", " ]"])
        }
        if depth < 4 && roll < 22 {
            let count = Int(rng.next() % 4)
            var items: [String] = []
            for _ in 0..<count { items.append("\(key()) = \(value(depth: depth + 1))") }
            return "{" + pick([" ", ""]) + items.joined(separator: pick([", ", ","])) + (chance(5) ? "," : "")
                + pick([" }", "}"])
        }
        return chance(85) ? pick(Self.validScalars) : pick(Self.trickyScalars)
    }

    mutating func document() -> [UInt8] {
        var lines: [String] = []
        for _ in 0..<(1 + Int(rng.next() % 12)) {
            let roll = rng.next() % 100
            switch roll {
            case 0..<15: lines.append("[\(key())]")
            case 15..<25: lines.append("[[\(key())]]")
            case 25..<30: lines.append("# comment \(pick(["", "é", "\t", "[x]"]))")
            case 30..<33: lines.append("")
            default: lines.append("\(key()) = \(value(depth: 0))\(chance(10) ? " # trailing" : "")")
            }
        }
        return Array(lines.joined(separator: pick(["\n", "\n", "\r\n"])).utf8)
    }

    static let insertions: [[UInt8]] =
        [
            "[", "]", "=", "\"", "'", ".", ",", "{", "}", "\n", "#", " ", "\\", "0", "_", "\r", "\t", "\r\n", "+", ":",
            "-", "e", "T", "Z", "\u{7F}", "\u{1}", "é", "\"\"\"", "'''",
        ].map { Array($0.utf8) } + [
            [0x00], [0xC3], [0xFF], [0xED, 0xA0, 0x80], [0xC0, 0xAF], [0xF4, 0x90, 0x80, 0x80],
        ]

    /// `document` with one to three random edits: a byte deleted, something inserted, a line doubled, an end cut.
    mutating func mutate(_ document: [UInt8]) -> [UInt8] {
        var bytes = document
        for _ in 0..<(1 + Int(rng.next() % 3)) {
            let at = bytes.isEmpty ? 0 : Int(rng.next() % UInt64(bytes.count))
            switch rng.next() % 4 {
            case 0: if !bytes.isEmpty { bytes.remove(at: at) }
            case 1: bytes.insert(contentsOf: pick(Self.insertions), at: at)
            case 2:
                let lines = bytes.split(separator: .init(ascii: "\n"), omittingEmptySubsequences: false)
                let line = pick(lines)
                bytes += [UInt8(ascii: "\n")] + line
            default: bytes = Array(bytes[0..<at])
            }
        }
        return bytes
    }
}
