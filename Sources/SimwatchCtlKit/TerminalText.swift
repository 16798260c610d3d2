public import SimwatchControl

/// Text from outside (an SMS, a provider's HTTP error body, a line name in someone's configuration) made safe to
/// print on a terminal: control characters become visible escapes instead of reaching the terminal.
///
/// Escape sequences could otherwise move the cursor, rewrite earlier lines, retitle the window or, on some
/// terminals, answer back with input; bidi overrides could make a line read differently from what it says.
/// Everything else, French accents, CJK and emoji included, passes unchanged. A backslash is left alone: the
/// escapes are for a person reading, not for parsing back.
///
/// | Character                                   | Shown as            |
/// |---------------------------------------------|---------------------|
/// | ESC                                         | `\e`                |
/// | tab, newline, carriage return               | `\t`, `\n`, `\r`    |
/// | other C0 controls (U+0000–U+001F), DEL      | `\x00` … `\x1f`, `\x7f` |
/// | C1 controls (U+0080–U+009F)                 | `\u{9b}`            |
/// | bidi controls, line and paragraph separators | `\u{202e}`         |
public enum TerminalText {
    /// `text` with every control character replaced by its visible escape.
    public static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var out = ""
        out.unicodeScalars.reserveCapacity(text.unicodeScalars.count + 8)
        for scalar in text.unicodeScalars {
            guard isControl(scalar) else {
                out.unicodeScalars.append(scalar)
                continue
            }
            out += escape(scalar)
        }
        return out
    }

    /// `value` with every string in it, object keys included, escaped: a whole reply made safe before it is
    /// decoded into the types the views print.
    public static func escaped(_ value: JSONValue) -> JSONValue {
        switch value {
        case .string(let text): .string(escaped(text))
        case .array(let items): .array(items.map(escaped))
        case .object(let fields):
            .object(
                Dictionary(fields.map { (escaped($0.key), escaped($0.value)) }, uniquingKeysWith: { first, _ in first })
            )
        case .null, .bool, .int, .double: value
        }
    }

    /// An error reply with its parameters escaped.
    public static func escaped(_ error: ControlError) -> ControlError {
        ControlError(name: escaped(error.name), parameters: escaped(error.parameters))
    }

    /// A message of several lines (our own line breaks kept), each line escaped.
    public static func escapedLines(_ message: String) -> String {
        message.split(separator: "\n", omittingEmptySubsequences: false).map { escaped(String($0)) }
            .joined(separator: "\n")
    }

    /// True for the characters that must not reach a terminal raw.
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: true
        // Arabic letter mark, LRM/RLM, LRE/RLE/PDF/LRO/RLO, LRI/RLI/FSI/PDI.
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
        // Line and paragraph separators: some terminals break the line on them.
        case 0x2028, 0x2029: true
        default: false
        }
    }

    private static func escape(_ scalar: Unicode.Scalar) -> String {
        switch scalar.value {
        case 0x1B: return "\\e"
        case 0x09: return "\\t"
        case 0x0A: return "\\n"
        case 0x0D: return "\\r"
        case 0x00...0x1F, 0x7F: return "\\x" + hex(scalar.value, digits: 2)
        default: return "\\u{" + hex(scalar.value, digits: 2) + "}"
        }
    }

    private static func hex(_ value: UInt32, digits: Int) -> String {
        let text = String(value, radix: 16)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}
