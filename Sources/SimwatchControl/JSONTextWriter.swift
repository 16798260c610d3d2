/// Writes `JSONValue`s as compact JSON text: members in sorted order (so output is stable), numbers as
/// JSONEncoder writes them (a whole double without ".0"), and strings escaped for JSON and for terminals.
///
/// Every message simwatchd and simwatchctl send is written here, in one pass into one buffer; JSONEncoder (and
/// its first use in a short-lived process) cost more than the rest of a status call.
enum JSONTextWriter {
    /// `value` appended to `bytes`; a non-finite double (which no JSON can hold) is written as null.
    static func write(_ value: JSONValue, into bytes: inout [UInt8]) {
        switch value {
        case .null: append("null", to: &bytes)
        case .bool(let flag): append(flag ? "true" : "false", to: &bytes)
        case .int(let int): append(String(int), to: &bytes)
        case .double(let double): append(number(double), to: &bytes)
        case .string(let string): quote(string, into: &bytes)
        case .array(let items):
            bytes.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                write(item, into: &bytes)
            }
            bytes.append(UInt8(ascii: "]"))
        case .object(let members):
            bytes.append(UInt8(ascii: "{"))
            for (index, key) in members.keys.sorted().enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                quote(key, into: &bytes)
                bytes.append(UInt8(ascii: ":"))
                write(members[key]!, into: &bytes)
            }
            bytes.append(UInt8(ascii: "}"))
        }
    }

    /// A double as JSONEncoder writes it: the shortest text that reads back the same, without a trailing ".0".
    static func number(_ double: Double) -> String {
        guard double.isFinite else { return "null" }
        let text = String(double)
        return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
    }

    /// `string` as a JSON string literal. Escapes what JSON requires (quote, backslash, C0 controls), and also DEL,
    /// C1 controls, bidi controls and line separators, so that printing JSON (as `simwatchctl --json` does) never
    /// hands a terminal a control character; the value read back is the same.
    static func quote(_ string: String, into bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        for scalar in string.unicodeScalars {
            switch scalar.value {
            case 0x22: append("\\\"", to: &bytes)
            case 0x5C: append("\\\\", to: &bytes)
            case 0x0A: append("\\n", to: &bytes)
            case 0x0D: append("\\r", to: &bytes)
            case 0x09: append("\\t", to: &bytes)
            case 0x20...0x7E: bytes.append(UInt8(truncatingIfNeeded: scalar.value))
            case let value where value < 0x20 || escapesForTerminals(scalar):
                let hex = String(value, radix: 16)
                append("\\u" + String(repeating: "0", count: 4 - hex.count) + hex, to: &bytes)
            default: bytes.append(contentsOf: UTF8.encode(scalar)!)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    static func escapesForTerminals(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x7F...0x9F, 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069, 0x2028, 0x2029: true
        default: false
        }
    }

    private static func append(_ text: String, to bytes: inout [UInt8]) {
        bytes.append(contentsOf: text.utf8)
    }
}
