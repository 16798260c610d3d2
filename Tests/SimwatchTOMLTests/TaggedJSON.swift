import SimwatchTOML

/// A canonical JSON rendering of a parsed document in toml-test's tagged form (`{"type":"integer","value":"1"}`),
/// written byte for byte like `PythonTOML`'s renderer (Python's `json.dumps(sort_keys=True, ensure_ascii=True)`), so
/// two parsers agree exactly when their renderings are equal. Floats are given as their IEEE 754 bits (every NaN as
/// "nan"), and date-times with six fraction digits and the offset in minutes, so no number formatting can differ.
enum TaggedJSON {
    static func render(_ table: TOMLTable) -> String {
        let keys = table.keys.sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }
        let members = keys.map { key in string(key) + ":" + render(table[key] ?? .boolean(false)) }
        return "{" + members.joined(separator: ",") + "}"
    }

    static func render(_ value: TOMLValue) -> String {
        switch value {
        case .string(let s): tagged("string", s)
        case .integer(let i): tagged("integer", String(i))
        case .float(let d): tagged("float", d.isNaN ? "nan" : bits(d))
        case .boolean(let b): tagged("bool", b ? "true" : "false")
        case .offsetDateTime(let dt): tagged("datetime", dateTime(dt) + offset(dt.offsetMinutes ?? 0))
        case .localDateTime(let dt): tagged("datetime-local", dateTime(dt))
        case .localDate(let d): tagged("date-local", date(d))
        case .localTime(let t): tagged("time-local", time(t))
        case .array(let values): "[" + values.map(render).joined(separator: ",") + "]"
        case .table(let table): render(table)
        }
    }

    private static func tagged(_ type: String, _ value: String) -> String {
        "{\"type\":\(string(type)),\"value\":\(string(value))}"
    }

    private static func bits(_ d: Double) -> String {
        let digits = String(d.bitPattern, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    private static func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    private static func date(_ d: TOMLDate) -> String {
        "\(padded(d.year, 4))-\(padded(d.month, 2))-\(padded(d.day, 2))"
    }

    private static func time(_ t: TOMLTime) -> String {
        "\(padded(t.hour, 2)):\(padded(t.minute, 2)):\(padded(t.second, 2)).\(padded(t.nanosecond / 1000, 6))"
    }

    private static func dateTime(_ dt: TOMLDateTime) -> String { date(dt.date) + "T" + time(dt.time) }

    private static func offset(_ minutes: Int) -> String { minutes < 0 ? "\(minutes)" : "+\(minutes)" }

    /// A JSON string as Python's `json.dumps(ensure_ascii=True)` writes it.
    static func string(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar.value {
            case 0x22: out += "\\\""
            case 0x5C: out += "\\\\"
            case 0x0A: out += "\\n"
            case 0x0D: out += "\\r"
            case 0x09: out += "\\t"
            case 0x08: out += "\\b"
            case 0x0C: out += "\\f"
            case 0x20...0x7E: out.unicodeScalars.append(scalar)
            case 0x10000...:
                let v = scalar.value - 0x10000
                out += "\\u" + hex4(0xD800 + (v >> 10)) + "\\u" + hex4(0xDC00 + (v & 0x3FF))
            default: out += "\\u" + hex4(scalar.value)
            }
        }
        return out + "\""
    }

    private static func hex4(_ v: UInt32) -> String {
        let digits = String(v, radix: 16)
        return String(repeating: "0", count: 4 - digits.count) + digits
    }
}
