extension TOMLParser {
    /// The value after `=` or inside an array. `depth` counts the tables and arrays it is inside.
    mutating func parseValue(depth: Int) throws(TOMLSyntaxError) -> TOMLValue {
        guard depth <= limits.maxDepth else {
            throw error("values are nested more than \(limits.maxDepth) levels deep")
        }
        guard let byte = peek() else { throw error("expected a value, found the end of the file") }
        switch byte {
        case .quote:
            if peek(1) == .quote, peek(2) == .quote { return .string(try parseMultilineBasicString()) }
            return .string(try parseBasicString())
        case .apostrophe:
            if peek(1) == .apostrophe, peek(2) == .apostrophe { return .string(try parseMultilineLiteralString()) }
            return .string(try parseLiteralString())
        case UInt8(ascii: "t"), UInt8(ascii: "f"):
            if matches("true") {
                index += 4
                return .boolean(true)
            }
            if matches("false") {
                index += 5
                return .boolean(false)
            }
        case .openBracket:
            return try parseArray(depth: depth)
        case .openBrace:
            return try parseInlineTable(depth: depth)
        case .plus, .minus, UInt8(ascii: "i"), UInt8(ascii: "n"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            let value = try parseNumberOrDate()
            if let next = peek(), !Self.endsValue(next) {
                throw error("expected the end of the value, found \(found())")
            }
            return value
        default:
            break
        }
        throw error(
            "expected a value (a string, number, boolean, date, array or inline table), found \(found())"
        )
    }

    /// Whether `byte` may follow a number, date or time.
    static func endsValue(_ byte: UInt8) -> Bool {
        switch byte {
        case .space, .tab, .newline, .carriageReturn, .comma, .closeBracket, .closeBrace, .hash: true
        default: false
        }
    }

    func matches(_ word: StaticString) -> Bool {
        word.withUTF8Buffer { expected in
            guard index + expected.count <= bytes.count else { return false }
            for k in 0..<expected.count where bytes[index + k] != expected[k] { return false }
            return true
        }
    }

    /// `[1, 2, 3]`: values of any types, spread over lines, with comments and a trailing comma.
    private mutating func parseArray(depth: Int) throws(TOMLSyntaxError) -> TOMLValue {
        let start = position()
        index += 1
        var values: [TOMLValue] = []
        while true {
            try skipWhitespaceAndComments()
            if peek() == .closeBracket {
                index += 1
                return .array(values)
            }
            values.append(try parseValue(depth: depth + 1))
            try skipWhitespaceAndComments()
            switch peek() {
            case .comma:
                index += 1
            case .closeBracket:
                index += 1
                return .array(values)
            case nil:
                throw TOMLSyntaxError("the array is not closed with `]`", at: start)
            default:
                throw error("expected `,` or `]` in the array, found \(found())")
            }
        }
    }

    /// Spaces, newlines and comments, as allowed between an array's values.
    private mutating func skipWhitespaceAndComments() throws(TOMLSyntaxError) {
        while true {
            skipWhitespace()
            if peek() == .hash {
                try skipComment()
            } else if !consumeNewline() {
                return
            }
        }
    }

    /// `{ a = 1, b.c = 2 }`: on one line, no trailing comma, closed for good at `}`.
    private mutating func parseInlineTable(depth: Int) throws(TOMLSyntaxError) -> TOMLValue {
        let start = position()
        index += 1
        let table = TOMLNode(kind: .table, position: start, depth: depth)
        skipWhitespace()
        if peek() == .closeBrace {
            index += 1
            return .table(table.freeze())
        }
        while true {
            skipWhitespace()
            if peek() == .closeBrace {
                throw error("an inline table cannot end with a comma")
            }
            try checkInlineLine()
            try parseKeyValue(into: table)
            skipWhitespace()
            switch peek() {
            case .comma:
                index += 1
            case .closeBrace:
                index += 1
                return .table(table.freeze())
            case nil:
                throw TOMLSyntaxError("the inline table is not closed with `}`", at: start)
            default:
                try checkInlineLine()
                throw error("expected `,` or `}` in the inline table, found \(found())")
            }
        }
    }

    private mutating func checkInlineLine() throws(TOMLSyntaxError) {
        if peek() == .newline || (peek() == .carriageReturn && peek(1) == .newline) {
            throw error("an inline table must be written on one line")
        }
    }
}
