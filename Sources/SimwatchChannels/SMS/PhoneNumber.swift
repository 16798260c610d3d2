public import SimwatchCore

/// A number to text, in E.164's international form: "+", a country code that does not start with 0, at most 15
/// digits in all. Spaces, dots and dashes between digits are accepted and dropped ("+33 6 12 34 56 78" is
/// "+33612345678"); a national number ("06 12 ...") or a short code is refused, since the modem may roam.
public struct PhoneNumber: Sendable, Hashable, CustomStringConvertible {
    /// "+33612345678".
    public let e164: String

    public init(parsing text: String) throws(UnitParseError) {
        let hint = "write the number in international form, e.g. \"+33612345678\""
        let trimmed = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        guard trimmed.hasPrefix("+") else {
            throw UnitParseError(input: text, message: "`\(text)` is not in international (E.164) form", hint: hint)
        }
        var digits = ""
        var previousWasSeparator = true
        for character in trimmed.dropFirst() {
            if character.isASCII, character.isNumber {
                digits.append(character)
                previousWasSeparator = false
            } else if " .-".contains(character), !previousWasSeparator {
                previousWasSeparator = true
            } else {
                throw UnitParseError(
                    input: text,
                    message: "`\(text)` is not a phone number (only digits, spaces, dots and dashes after +)",
                    hint: hint
                )
            }
        }
        guard !previousWasSeparator, (7...15).contains(digits.count), digits.first != "0" else {
            throw UnitParseError(
                input: text,
                message: "`\(text)` is not an E.164 number (7 to 15 digits after +, not starting with 0)",
                hint: hint
            )
        }
        e164 = "+" + digits
    }

    public var description: String { e164 }
}
