/// Integers (decimal, `0x`, `0o`, `0b`, underscores between digits) and floats (`1.5`, `6e-3`, `inf`, `nan`), at
/// their sign or first digit. Integers are checked against 64 bits as they are read: a literal too large is an
/// error, never a wrap or a trap.
enum TOMLNumberReader {
    static func number(_ cursor: inout TOMLCursor) throws(TOMLSyntaxError) -> TOMLValue {
        let start = cursor.position()
        var negative = false
        var signed = false
        if let sign = cursor.peek(), sign == .plus || sign == .minus {
            signed = true
            negative = sign == .minus
            cursor.advance()
        }
        if cursor.matches("inf") {
            cursor.advance(3)
            return .float(negative ? -.infinity : .infinity)
        }
        if cursor.matches("nan") {
            cursor.advance(3)
            return .float(negative ? -.nan : .nan)
        }
        guard let first = cursor.peek(), first.isDigit else {
            throw cursor.error(
                "expected a value (a string, number, boolean, date, array or inline table), found \(cursor.found())"
            )
        }
        if first == UInt8(ascii: "0"), let prefix = cursor.peek(1) {
            let radix: Int64? =
                switch prefix {
                case UInt8(ascii: "x"): 16
                case UInt8(ascii: "o"): 8
                case UInt8(ascii: "b"): 2
                default: nil
                }
            if let radix {
                if signed {
                    throw TOMLSyntaxError("a hexadecimal, octal or binary integer cannot have a sign", at: start)
                }
                cursor.advance(2)
                return .integer(try prefixedInteger(&cursor, radix: radix, start: start))
            }
        }
        var text: [UInt8] = negative ? [.minus] : []
        let integerStart = text.count
        try digits(&cursor, into: &text)
        if text.count - integerStart > 1, text[integerStart] == UInt8(ascii: "0") {
            throw TOMLSyntaxError("a number cannot start with a zero followed by more digits", at: start)
        }
        var isFloat = false
        if cursor.peek() == .dot {
            isFloat = true
            cursor.advance()
            text.append(.dot)
            try digits(&cursor, into: &text)
        }
        if let e = cursor.peek(), e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
            isFloat = true
            cursor.advance()
            text.append(UInt8(ascii: "e"))
            if let sign = cursor.peek(), sign == .plus || sign == .minus {
                text.append(sign)
                cursor.advance()
            }
            try digits(&cursor, into: &text)
        }
        if isFloat {
            guard let value = Double(String(decoding: text, as: UTF8.self)) else {
                throw TOMLSyntaxError("`\(String(decoding: text, as: UTF8.self))` is not a valid float", at: start)
            }
            return .float(value)
        }
        var value: Int64 = 0
        for digit in text[integerStart...] {
            let d = Int64(digit - UInt8(ascii: "0"))
            let (shifted, overflow) = value.multipliedReportingOverflow(by: 10)
            let (next, overflow2) =
                negative ? shifted.subtractingReportingOverflow(d) : shifted.addingReportingOverflow(d)
            guard !overflow, !overflow2 else { throw outOfRange(start) }
            value = next
        }
        return .integer(value)
    }

    /// One or more decimal digits, single underscores allowed between them (dropped).
    private static func digits(_ cursor: inout TOMLCursor, into text: inout [UInt8]) throws(TOMLSyntaxError) {
        guard let first = cursor.peek(), first.isDigit else {
            throw cursor.error("expected a digit, found \(cursor.found())")
        }
        while let byte = cursor.peek() {
            if byte.isDigit {
                text.append(byte)
                cursor.advance()
            } else if byte == .underscore {
                cursor.advance()
                guard cursor.peek()?.isDigit == true else {
                    throw cursor.error("an underscore in a number must be between digits")
                }
            } else {
                break
            }
        }
    }

    private static func prefixedInteger(
        _ cursor: inout TOMLCursor,
        radix: Int64,
        start: TOMLPosition
    ) throws(TOMLSyntaxError) -> Int64 {
        func digit(_ byte: UInt8?) -> Int64? {
            guard let value = byte?.hexValue, Int64(value) < radix else { return nil }
            return Int64(value)
        }
        guard digit(cursor.peek()) != nil else {
            throw cursor.error("expected a base-\(radix) digit, found \(cursor.found())")
        }
        var value: Int64 = 0
        while let byte = cursor.peek() {
            if let d = digit(byte) {
                let (shifted, overflow) = value.multipliedReportingOverflow(by: radix)
                guard !overflow, shifted <= Int64.max - d else { throw outOfRange(start) }
                value = shifted + d
                cursor.advance()
            } else if byte == .underscore {
                cursor.advance()
                guard digit(cursor.peek()) != nil else {
                    throw cursor.error("an underscore in a number must be between digits")
                }
            } else {
                break
            }
        }
        return value
    }

    private static func outOfRange(_ start: TOMLPosition) -> TOMLSyntaxError {
        TOMLSyntaxError(
            "the integer does not fit in 64 bits (-9223372036854775808 to 9223372036854775807)",
            at: start
        )
    }
}
