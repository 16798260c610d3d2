/// Checks a call's bytes before the JSON decoder sees them: what a decoder handles badly (too deep a nesting,
/// which a recursive decoder pays for in stack) or vaguely (invalid UTF-8, reported as just "not JSON") is
/// refused here with a precise reason.
///
/// A NUL cannot occur inside a message: it ends the frame, so what precedes it is judged alone (and is usually
/// incomplete JSON).
enum MessageScreen {
    enum Problem: Error, Hashable, CustomStringConvertible {
        case invalidUTF8
        case tooDeep(limit: Int)

        var description: String {
            switch self {
            case .invalidUTF8: "not valid UTF-8"
            case .tooDeep(let limit): "arrays and objects nested deeper than \(limit)"
            }
        }
    }

    /// The first problem of `message`, nil when the decoder may have it.
    static func problem(in message: [UInt8], maxDepth: Int) -> Problem? {
        if String(validating: message, as: UTF8.self) == nil { return .invalidUTF8 }
        if depth(of: message, exceeds: maxDepth) { return .tooDeep(limit: maxDepth) }
        return nil
    }

    /// True when brackets and braces outside strings nest deeper than `limit`. Not a validator: unbalanced or
    /// otherwise broken JSON is left to the decoder.
    static func depth(of message: [UInt8], exceeds limit: Int) -> Bool {
        var depth = 0
        var inString = false
        var escaped = false
        for byte in message {
            if inString {
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
                if depth > limit { return true }
            case UInt8(ascii: "]"), UInt8(ascii: "}"): depth -= 1
            default: break
            }
        }
        return false
    }
}
