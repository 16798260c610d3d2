/// A non-negative decimal number as people write it: "12", "1.5", "0,25", ".5".
///
/// Shared by the unit parsers so that they agree on what a number looks like. Comma and dot are both decimal
/// separators; there is no digit grouping.
package struct DecimalLiteral: Sendable, Hashable {
    /// The digits before the separator, possibly empty (".5").
    package var integerDigits: String
    /// The digits after the separator, possibly empty.
    package var fractionDigits: String
    /// The separator that was written, if any.
    package var separator: Character?

    /// Digits past this many after the separator are read but ignored: no unit here resolves them.
    package static let maximumFractionDigits = 18

    /// Reads a literal at the start of `text` and advances past it; returns nil, leaving `text` alone, when
    /// `text` does not start with a digit (or a separator followed by a digit).
    package static func scan(_ text: inout Substring) -> DecimalLiteral? {
        var rest = text
        let integerPart = rest.prefix(while: isDigit)
        rest = rest.dropFirst(integerPart.count)
        var fractionPart: Substring = ""
        var separator: Character?
        if let first = rest.first, first == "." || first == ",",
            let second = rest.dropFirst().first, isDigit(second)
        {
            separator = first
            fractionPart = rest.dropFirst().prefix(while: isDigit)
            rest = rest.dropFirst(1 + fractionPart.count)
        }
        guard !integerPart.isEmpty || !fractionPart.isEmpty else { return nil }
        text = rest
        return DecimalLiteral(
            integerDigits: String(integerPart),
            fractionDigits: String(fractionPart.prefix(maximumFractionDigits)),
            separator: separator
        )
    }

    /// True for "1,500" or "12.345": a separator followed by exactly three digits after a non-zero integer
    /// part of at most three digits. Read as a decimal it is 1.5; read as digit grouping it is 1500. A data
    /// limit or a credit off by a factor of 1000 is worse than asking the user to rewrite it.
    package var looksLikeDigitGrouping: Bool {
        separator != nil && fractionDigits.count == 3 && (1...3).contains(integerDigits.count)
            && integerDigits.contains { $0 != "0" }
    }

    /// Refuses a number that `looksLikeDigitGrouping`, for the amount `text` of which it is the start; `example`
    /// shows the unit's amounts written without grouping ("1.5 GB or 1500 MB").
    package func requireNoDigitGrouping(in text: String, example: String) throws(UnitParseError) {
        guard looksLikeDigitGrouping else { return }
        throw UnitParseError(
            input: text,
            message: "'\(text)' is ambiguous: decimal or digit grouping?",
            hint: "write the number without grouping, e.g. \(example)"
        )
    }

    /// The value times `multiplier`, rounded half away from zero to an integer; nil on overflow.
    package func rounded(multipliedBy multiplier: Int128) -> Int128? {
        guard let significand = Self.integer(from: integerDigits + fractionDigits) else { return nil }
        let (product, overflow) = significand.multipliedReportingOverflow(by: multiplier)
        guard !overflow else { return nil }
        var divisor: Int128 = 1
        for _ in 0..<fractionDigits.count { divisor *= 10 }
        let (sum, sumOverflow) = product.addingReportingOverflow(divisor / 2)
        guard !sumOverflow else { return nil }
        return sum / divisor
    }

    /// The text of the number with a dot separator and no superfluous leading zeros: ",50" -> "0.50".
    package var normalized: String {
        let integer = integerDigits.drop { $0 == "0" }
        let integerText = integer.isEmpty ? "0" : String(integer)
        return fractionDigits.isEmpty ? integerText : integerText + "." + fractionDigits
    }

    /// "0" through "9" only: `Character.isNumber` would also accept "½" and Arabic-Indic digits.
    package static func isDigit(_ character: Character) -> Bool {
        character.asciiValue.map { (0x30...0x39).contains($0) } ?? false
    }

    /// `text` without leading and trailing white space (including no-break spaces).
    package static func trimmed(_ text: some StringProtocol) -> Substring {
        let text = Substring(text)
        let start = text.firstIndex { !$0.isWhitespace } ?? text.endIndex
        let end = text.lastIndex { !$0.isWhitespace }.map(text.index(after:)) ?? start
        return text[start..<end]
    }

    private static func integer(from digits: String) -> Int128? {
        var value: Int128 = 0
        for digit in digits.utf8 {
            let (times10, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times10.addingReportingOverflow(Int128(digit - UInt8(ascii: "0")))
            guard !overflow1, !overflow2 else { return nil }
            value = sum
        }
        return value
    }
}
