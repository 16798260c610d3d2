/// The value after `=` or inside an array, told apart by its first byte; arrays and inline tables are read here,
/// scalars by the string, number and date-time readers. `depth` counts the tables and arrays a value is inside,
/// bounded by `TOMLLimits.maxDepth` so that hostile nesting cannot overflow the stack.
struct TOMLValueReader {
    let limits: TOMLLimits

    func value(_ cursor: inout TOMLCursor, depth: Int) throws(TOMLSyntaxError) -> TOMLValue {
        guard depth <= limits.maxDepth else {
            throw cursor.error("values are nested more than \(limits.maxDepth) levels deep")
        }
        guard let byte = cursor.peek() else { throw cursor.error("expected a value, found the end of the file") }
        switch byte {
        case .quote, .apostrophe:
            return .string(try TOMLStringReader.string(&cursor))
        case UInt8(ascii: "t"), UInt8(ascii: "f"):
            if cursor.matches("true") {
                cursor.advance(4)
                return .boolean(true)
            }
            if cursor.matches("false") {
                cursor.advance(5)
                return .boolean(false)
            }
        case .openBracket:
            return try array(&cursor, depth: depth)
        case .openBrace:
            return try inlineTable(&cursor, depth: depth)
        case .plus, .minus, UInt8(ascii: "i"), UInt8(ascii: "n"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            let value = try numberOrDateTime(&cursor)
            if let next = cursor.peek(), !Self.endsValue(next) {
                throw cursor.error("expected the end of the value, found \(cursor.found())")
            }
            return value
        default:
            break
        }
        throw cursor.error(
            "expected a value (a string, number, boolean, date, array or inline table), found \(cursor.found())"
        )
    }

    /// An integer, float, date, date-time or time: told apart by their first characters (`1979-` is a date,
    /// `07:` a time). What may follow is checked by the caller.
    private func numberOrDateTime(_ cursor: inout TOMLCursor) throws(TOMLSyntaxError) -> TOMLValue {
        if let a = cursor.peek(), a.isDigit, cursor.peek(1)?.isDigit == true {
            if cursor.peek(2) == .colon { return .localTime(try TOMLDateTimeReader.time(&cursor)) }
            if cursor.peek(2)?.isDigit == true, cursor.peek(3)?.isDigit == true, cursor.peek(4) == .minus {
                return try TOMLDateTimeReader.dateOrDateTime(&cursor)
            }
        }
        return try TOMLNumberReader.number(&cursor)
    }

    /// Whether `byte` may follow a number, date or time.
    private static func endsValue(_ byte: UInt8) -> Bool {
        switch byte {
        case .space, .tab, .newline, .carriageReturn, .comma, .closeBracket, .closeBrace, .hash: true
        default: false
        }
    }

    /// `[1, 2, 3]`: values of any types, spread over lines, with comments and a trailing comma.
    private func array(_ cursor: inout TOMLCursor, depth: Int) throws(TOMLSyntaxError) -> TOMLValue {
        let start = cursor.position()
        cursor.advance()
        var values: [TOMLValue] = []
        while true {
            try cursor.skipWhitespaceAndComments()
            if cursor.peek() == .closeBracket {
                cursor.advance()
                return .array(values)
            }
            values.append(try value(&cursor, depth: depth + 1))
            try cursor.skipWhitespaceAndComments()
            switch cursor.peek() {
            case .comma:
                cursor.advance()
            case .closeBracket:
                cursor.advance()
                return .array(values)
            case nil:
                throw TOMLSyntaxError("the array is not closed with `]`", at: start)
            default:
                throw cursor.error("expected `,` or `]` in the array, found \(cursor.found())")
            }
        }
    }

    /// `{ a = 1, b.c = 2 }`: on one line, no trailing comma, closed for good at `}`.
    private func inlineTable(_ cursor: inout TOMLCursor, depth: Int) throws(TOMLSyntaxError) -> TOMLValue {
        let start = cursor.position()
        cursor.advance()
        let table = TOMLNode(kind: .table, position: start, depth: depth)
        let keyValues = TOMLKeyValueReader(limits: limits)
        cursor.skipWhitespace()
        if cursor.peek() == .closeBrace {
            cursor.advance()
            return .table(table.freeze())
        }
        while true {
            cursor.skipWhitespace()
            if cursor.peek() == .closeBrace {
                throw cursor.error("an inline table cannot end with a comma")
            }
            try checkInlineLine(&cursor)
            try keyValues.keyValue(&cursor, into: table)
            cursor.skipWhitespace()
            switch cursor.peek() {
            case .comma:
                cursor.advance()
            case .closeBrace:
                cursor.advance()
                return .table(table.freeze())
            case nil:
                throw TOMLSyntaxError("the inline table is not closed with `}`", at: start)
            default:
                try checkInlineLine(&cursor)
                throw cursor.error("expected `,` or `}` in the inline table, found \(cursor.found())")
            }
        }
    }

    private func checkInlineLine(_ cursor: inout TOMLCursor) throws(TOMLSyntaxError) {
        if cursor.isAtNewline {
            throw cursor.error("an inline table must be written on one line")
        }
    }
}
