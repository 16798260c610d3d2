extension TOMLParser {
    /// `"..."`: escapes, one line, no raw control characters but tab.
    mutating func parseBasicString() throws(TOMLSyntaxError) -> String {
        let start = position()
        index += 1
        var buffer: [UInt8] = []
        while let byte = peek() {
            switch byte {
            case .quote:
                index += 1
                return String(decoding: buffer, as: UTF8.self)
            case .backslash:
                try parseEscape(into: &buffer)
            case .newline, .carriageReturn:
                throw TOMLSyntaxError("the string is not closed with `\"` before the end of its line", at: start)
            case _ where byte.isControl:
                throw error("\(found()) must be escaped in a string")
            default:
                buffer.append(byte)
                index += 1
            }
        }
        throw TOMLSyntaxError("the string is not closed with `\"` before the end of the file", at: start)
    }

    /// `'...'`: taken as written, one line.
    mutating func parseLiteralString() throws(TOMLSyntaxError) -> String {
        let start = position()
        index += 1
        let from = index
        while let byte = peek() {
            switch byte {
            case .apostrophe:
                index += 1
                return String(decoding: bytes[from..<index - 1], as: UTF8.self)
            case .newline, .carriageReturn:
                throw TOMLSyntaxError("the string is not closed with `'` before the end of its line", at: start)
            case _ where byte.isControl:
                throw error("\(found()) is not allowed in a literal string")
            default:
                index += 1
            }
        }
        throw TOMLSyntaxError("the string is not closed with `'` before the end of the file", at: start)
    }

    /// `"""..."""`: escapes and newlines; a newline right after the opening quotes is dropped, and a `\` at the end
    /// of a line drops the line break and the whitespace after it.
    mutating func parseMultilineBasicString() throws(TOMLSyntaxError) -> String {
        let start = position()
        index += 3
        _ = consumeNewline()
        var buffer: [UInt8] = []
        while let byte = peek() {
            switch byte {
            case .quote:
                if try closesMultiline(.quote, into: &buffer) { return String(decoding: buffer, as: UTF8.self) }
            case .backslash:
                if let next = peek(1), next == .space || next == .tab || next == .newline || next == .carriageReturn {
                    try skipLineEndingBackslash()
                } else {
                    try parseEscape(into: &buffer)
                }
            case .newline, .carriageReturn:
                guard consumeNewline() else { throw error("\(found()) must be escaped in a string") }
                buffer.append(.newline)
            case _ where byte.isControl:
                throw error("\(found()) must be escaped in a string")
            default:
                buffer.append(byte)
                index += 1
            }
        }
        throw TOMLSyntaxError("the multi-line string is not closed with `\"\"\"`", at: start)
    }

    /// `'''...'''`: taken as written, newlines included; a newline right after the opening quotes is dropped.
    mutating func parseMultilineLiteralString() throws(TOMLSyntaxError) -> String {
        let start = position()
        index += 3
        _ = consumeNewline()
        var buffer: [UInt8] = []
        while let byte = peek() {
            switch byte {
            case .apostrophe:
                if try closesMultiline(.apostrophe, into: &buffer) { return String(decoding: buffer, as: UTF8.self) }
            case .newline, .carriageReturn:
                guard consumeNewline() else { throw error("\(found()) is not allowed in a literal string") }
                buffer.append(.newline)
            case _ where byte.isControl:
                throw error("\(found()) is not allowed in a literal string")
            default:
                buffer.append(byte)
                index += 1
            }
        }
        throw TOMLSyntaxError("the multi-line string is not closed with `'''`", at: start)
    }

    /// At a run of quotes in a multi-line string: fewer than three are content; three to five close the string,
    /// the first one or two of them being content (`""""` is a quote, then the end).
    private mutating func closesMultiline(_ quote: UInt8, into buffer: inout [UInt8]) throws(TOMLSyntaxError) -> Bool {
        var run = 0
        while peek(run) == quote { run += 1 }
        if run > 5 {
            index += 5
            throw error("too many quotes: a multi-line string can end with at most five")
        }
        index += run
        if run < 3 {
            buffer.append(contentsOf: repeatElement(quote, count: run))
            return false
        }
        buffer.append(contentsOf: repeatElement(quote, count: run - 3))
        return true
    }

    /// A `\` followed by spaces to the end of the line: skips it, the line break, and all whitespace after.
    private mutating func skipLineEndingBackslash() throws(TOMLSyntaxError) {
        index += 1
        skipWhitespace()
        guard consumeNewline() else {
            throw error("a `\\` followed by spaces must end its line (found \(found()))")
        }
        while true {
            skipWhitespace()
            if !consumeNewline() { return }
        }
    }

    /// `\b \t \n \f \r \" \\ \uXXXX \UXXXXXXXX`, at the backslash.
    mutating func parseEscape(into buffer: inout [UInt8]) throws(TOMLSyntaxError) {
        let start = position()
        index += 1
        guard let byte = peek() else { throw error("the string ends after a `\\`") }
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
            index += 1
            return
        }
        let digits: Int
        switch byte {
        case UInt8(ascii: "u"): digits = 4
        case UInt8(ascii: "U"): digits = 8
        default:
            let what = byte > 0x20 && byte < 0x7F ? "`\\\(Character(Unicode.Scalar(byte)))`" : "`\\` before \(found())"
            throw TOMLSyntaxError(
                "invalid escape \(what): use \\b \\t \\n \\f \\r \\\" \\\\ \\uXXXX or \\UXXXXXXXX",
                at: start
            )
        }
        index += 1
        var value: UInt32 = 0
        for _ in 0..<digits {
            guard let digit = peek()?.hexValue else {
                throw error("`\\\(Character(Unicode.Scalar(byte)))` needs \(digits) hexadecimal digits")
            }
            value = value << 4 | digit
            index += 1
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
