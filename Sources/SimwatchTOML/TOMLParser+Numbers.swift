extension TOMLParser {
    /// An integer, float, date, date-time or time: told apart by their first characters (`1979-` is a date,
    /// `07:` a time). What may follow is checked by the caller.
    mutating func parseNumberOrDate() throws(TOMLSyntaxError) -> TOMLValue {
        if let a = peek(), a.isDigit, peek(1)?.isDigit == true {
            if peek(2) == .colon { return .localTime(try parseTime()) }
            if peek(2)?.isDigit == true, peek(3)?.isDigit == true, peek(4) == .minus {
                return try parseDateOrDateTime()
            }
        }
        return try parseNumber()
    }

    private mutating func parseNumber() throws(TOMLSyntaxError) -> TOMLValue {
        let start = position()
        var negative = false
        var signed = false
        if let sign = peek(), sign == .plus || sign == .minus {
            signed = true
            negative = sign == .minus
            index += 1
        }
        if matches("inf") {
            index += 3
            return .float(negative ? -.infinity : .infinity)
        }
        if matches("nan") {
            index += 3
            return .float(negative ? -.nan : .nan)
        }
        guard let first = peek(), first.isDigit else {
            throw error("expected a value (a string, number, boolean, date, array or inline table), found \(found())")
        }
        if first == UInt8(ascii: "0"), let prefix = peek(1) {
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
                index += 2
                return .integer(try parsePrefixedInteger(radix: radix, start: start))
            }
        }
        var text: [UInt8] = negative ? [.minus] : []
        let integerStart = text.count
        try digits(into: &text)
        if text.count - integerStart > 1, text[integerStart] == UInt8(ascii: "0") {
            throw TOMLSyntaxError("a number cannot start with a zero followed by more digits", at: start)
        }
        var isFloat = false
        if peek() == .dot {
            isFloat = true
            index += 1
            text.append(.dot)
            try digits(into: &text)
        }
        if let e = peek(), e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
            isFloat = true
            index += 1
            text.append(UInt8(ascii: "e"))
            if let sign = peek(), sign == .plus || sign == .minus {
                text.append(sign)
                index += 1
            }
            try digits(into: &text)
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
    private mutating func digits(into text: inout [UInt8]) throws(TOMLSyntaxError) {
        guard let first = peek(), first.isDigit else { throw error("expected a digit, found \(found())") }
        while let byte = peek() {
            if byte.isDigit {
                text.append(byte)
                index += 1
            } else if byte == .underscore {
                index += 1
                guard peek()?.isDigit == true else { throw error("an underscore in a number must be between digits") }
            } else {
                break
            }
        }
    }

    private mutating func parsePrefixedInteger(radix: Int64, start: TOMLPosition) throws(TOMLSyntaxError) -> Int64 {
        func digit(_ byte: UInt8?) -> Int64? {
            guard let value = byte?.hexValue, Int64(value) < radix else { return nil }
            return Int64(value)
        }
        guard digit(peek()) != nil else { throw error("expected a base-\(radix) digit, found \(found())") }
        var value: Int64 = 0
        while let byte = peek() {
            if let d = digit(byte) {
                let (shifted, overflow) = value.multipliedReportingOverflow(by: radix)
                guard !overflow, shifted <= Int64.max - d else { throw outOfRange(start) }
                value = shifted + d
                index += 1
            } else if byte == .underscore {
                index += 1
                guard digit(peek()) != nil else { throw error("an underscore in a number must be between digits") }
            } else {
                break
            }
        }
        return value
    }

    private func outOfRange(_ start: TOMLPosition) -> TOMLSyntaxError {
        TOMLSyntaxError(
            "the integer does not fit in 64 bits (-9223372036854775808 to 9223372036854775807)",
            at: start
        )
    }
}
