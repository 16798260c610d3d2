/// Whom to ask when a renewal does not arrive (`[line.renew] support`): a phone number, a mail address or a web
/// page, checked at load.
public enum SupportContact: Sendable, Hashable, ParsedText {
    case phone(String)
    case mail(String)
    case page(RenewalGuide.Link)

    public init(parsing text: String) throws(UnitParseError) {
        let hint = "write a phone number (\"+33 9 69 36 39 00\"), a mail address or a https:// page"
        if text.contains("://") {
            self = .page(try RenewalGuide.Link(parsing: text))
        } else if text.contains("@") {
            guard let address = MailAddress(parsing: text), address.name == nil else {
                throw UnitParseError(input: text, message: "`\(text)` is not a mail address", hint: hint)
            }
            self = .mail(address.address)
        } else if Self.isPhoneNumber(text) {
            self = .phone(text)
        } else {
            throw UnitParseError(
                input: text,
                message: "`\(text)` is not a phone number, mail address or page",
                hint: hint
            )
        }
    }

    /// Digits with an optional leading `+`, spaces, dots, dashes and parentheses; 3 to 17 digits (E.164 has 15,
    /// short codes have 3).
    static func isPhoneNumber(_ text: Substring) -> Bool {
        var digits = 0
        for (index, character) in text.enumerated() {
            if character.isASCII, character.isNumber {
                digits += 1
            } else if character == "+" {
                if index != 0 { return false }
            } else if !" .-()".contains(character) {
                return false
            }
        }
        return (3...17).contains(digits)
    }

    static func isPhoneNumber(_ text: String) -> Bool { isPhoneNumber(Substring(text)) }

    public var description: String {
        switch self {
        case .phone(let number): number
        case .mail(let address): address
        case .page(let link): link.text
        }
    }
}
