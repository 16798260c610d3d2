/// The four kinds of TOML string, read at their opening quote: basic (`"..."`, escapes), literal (`'...'`, as
/// written), and their multi-line forms (`"""..."""`, `'''...'''`). Keys use the one-line kinds.
enum TOMLStringReader {
    /// Any string, at a `"` or `'`: three quotes open a multi-line string.
    static func string(_ cursor: inout TOMLCursor) throws(TOMLSyntaxError) -> String {
        let quote = cursor.peek()
        let isMultiline = cursor.peek(1) == quote && cursor.peek(2) == quote
        if isMultiline, let quote { return try multiline(&cursor, quote: quote) }
        return quote == .quote ? try basic(&cursor) : try literal(&cursor)
    }

    /// `"..."`: escapes, one line, no raw control characters but tab.
    static func basic(_ cursor: inout TOMLCursor) throws(TOMLSyntaxError) -> String {
        let start = cursor.position()
        cursor.advance()
        var buffer: [UInt8] = []
        while let byte = cursor.peek() {
            switch byte {
            case .quote:
                cursor.advance()
                return String(decoding: buffer, as: UTF8.self)
            case .backslash:
                try escape(&cursor, into: &buffer)
            case .newline, .carriageReturn:
                throw TOMLSyntaxError("the string is not closed with `\"` before the end of its line", at: start)
            case _ where byte.isControl:
                throw cursor.error("\(cursor.found()) must be escaped in a string")
            default:
                buffer.append(byte)
                cursor.advance()
            }
        }
        throw TOMLSyntaxError("the string is not closed with `\"` before the end of the file", at: start)
    }

    /// `'...'`: taken as written, one line.
    static func literal(_ cursor: inout TOMLCursor) throws(TOMLSyntaxError) -> String {
        let start = cursor.position()
        cursor.advance()
        let from = cursor.index
        while let byte = cursor.peek() {
            switch byte {
            case .apostrophe:
                let text = cursor.text(from: from)
                cursor.advance()
                return text
            case .newline, .carriageReturn:
                throw TOMLSyntaxError("the string is not closed with `'` before the end of its line", at: start)
            case _ where byte.isControl:
                throw cursor.error("\(cursor.found()) is not allowed in a literal string")
            default:
                cursor.advance()
            }
        }
        throw TOMLSyntaxError("the string is not closed with `'` before the end of the file", at: start)
    }

    /// `"""..."""` (basic: escapes, and a `\` at the end of a line drops the line break and the whitespace after
    /// it) or `'''...'''` (literal: taken as written), at the first of its three quotes. Newlines are content,
    /// but one right after the opening quotes is dropped.
    private static func multiline(_ cursor: inout TOMLCursor, quote: UInt8) throws(TOMLSyntaxError) -> String {
        let isBasic = quote == .quote
        let refused = isBasic ? "must be escaped in a string" : "is not allowed in a literal string"
        let start = cursor.position()
        cursor.advance(3)
        _ = cursor.consumeNewline()
        var buffer: [UInt8] = []
        while let byte = cursor.peek() {
            switch byte {
            case quote:
                if try closesMultiline(&cursor, quote, into: &buffer) {
                    return String(decoding: buffer, as: UTF8.self)
                }
            case .backslash where isBasic:
                if let next = cursor.peek(1),
                    next == .space || next == .tab || next == .newline || next == .carriageReturn
                {
                    try skipLineEndingBackslash(&cursor)
                } else {
                    try escape(&cursor, into: &buffer)
                }
            case .newline, .carriageReturn:
                guard cursor.consumeNewline() else { throw cursor.error("\(cursor.found()) \(refused)") }
                buffer.append(.newline)
            case _ where byte.isControl:
                throw cursor.error("\(cursor.found()) \(refused)")
            default:
                buffer.append(byte)
                cursor.advance()
            }
        }
        let delimiter = isBasic ? "\"\"\"" : "'''"
        throw TOMLSyntaxError("the multi-line string is not closed with `\(delimiter)`", at: start)
    }

    /// At a run of quotes in a multi-line string: fewer than three are content; three to five close the string,
    /// the first one or two of them being content (`""""` is a quote, then the end).
    private static func closesMultiline(
        _ cursor: inout TOMLCursor,
        _ quote: UInt8,
        into buffer: inout [UInt8]
    ) throws(TOMLSyntaxError) -> Bool {
        var run = 0
        while cursor.peek(run) == quote { run += 1 }
        if run > 5 {
            cursor.advance(5)
            throw cursor.error("too many quotes: a multi-line string can end with at most five")
        }
        cursor.advance(run)
        if run < 3 {
            buffer.append(contentsOf: repeatElement(quote, count: run))
            return false
        }
        buffer.append(contentsOf: repeatElement(quote, count: run - 3))
        return true
    }

    /// A `\` followed by spaces to the end of the line: skips it, the line break, and all whitespace after.
    private static func skipLineEndingBackslash(_ cursor: inout TOMLCursor) throws(TOMLSyntaxError) {
        cursor.advance()
        cursor.skipWhitespace()
        guard cursor.consumeNewline() else {
            throw cursor.error("a `\\` followed by spaces must end its line (found \(cursor.found()))")
        }
        while true {
            cursor.skipWhitespace()
            if !cursor.consumeNewline() { return }
        }
    }

    /// `\b \t \n \f \r \" \\ \uXXXX \UXXXXXXXX`, at the backslash.
    private static func escape(_ cursor: inout TOMLCursor, into buffer: inout [UInt8]) throws(TOMLSyntaxError) {
        let start = cursor.position()
        cursor.advance()
        guard let byte = cursor.peek() else { throw cursor.error("the string ends after a `\\`") }
        let simple: UInt8? =
            switch byte {
            case UInt8(ascii: "b"): 0x08
            case UInt8(ascii: "t"): .tab
            case UInt8(ascii: "n"): .newline
            case UInt8(ascii: "f"): 0x0C
            case UInt8(ascii: "r"): .carriageReturn
            case .quote: .quote
            case .backslash: .backslash
            default: nil
            }
        if let simple {
            buffer.append(simple)
            cursor.advance()
            return
        }
        let digits: Int
        switch byte {
        case UInt8(ascii: "u"): digits = 4
        case UInt8(ascii: "U"): digits = 8
        default:
            let what =
                byte > 0x20 && byte < 0x7F
                ? "`\\\(Character(Unicode.Scalar(byte)))`" : "`\\` before \(cursor.found())"
            throw TOMLSyntaxError(
                "invalid escape \(what): use \\b \\t \\n \\f \\r \\\" \\\\ \\uXXXX or \\UXXXXXXXX",
                at: start
            )
        }
        cursor.advance()
        var value: UInt32 = 0
        for _ in 0..<digits {
            guard let digit = cursor.peek()?.hexValue else {
                throw cursor.error("`\\\(Character(Unicode.Scalar(byte)))` needs \(digits) hexadecimal digits")
            }
            value = value << 4 | digit
            cursor.advance()
        }
        guard let scalar = Unicode.Scalar(value) else {
            throw TOMLSyntaxError(
                "`\\\(Character(Unicode.Scalar(byte)))\(hex(value, width: digits))` is not a Unicode scalar value",
                at: start
            )
        }
        UTF8.encode(scalar) { buffer.append($0) }
    }
}
