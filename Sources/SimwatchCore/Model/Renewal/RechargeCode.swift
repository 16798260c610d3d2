/// A recharge code from `[line.renew] code`: a USSD string to dial (`#124*CODE#`, capitals naming what the reader
/// fills in) or a text to send (`sms:2222?body=RECHARGE CODE`, RFC 5724), checked at load.
public enum RechargeCode: Sendable, Hashable, ParsedText {
    case ussd(String)
    case sms(number: String, body: String)

    public init(parsing text: String) throws(UnitParseError) {
        let hint = "write a USSD code such as \"#124*CODE#\" or a text as \"sms:2222?body=RECHARGE CODE\""
        guard text.utf8.count <= 160 else {
            throw UnitParseError(input: text, message: "the recharge code is longer than 160 characters", hint: hint)
        }
        if text.lowercased().hasPrefix("sms:") {
            let rest = text.dropFirst(4)
            let number = rest.prefix { $0 != "?" }
            let query = rest.dropFirst(number.count)
            guard query.hasPrefix("?body="), !query.dropFirst(6).isEmpty else {
                throw UnitParseError(input: text, message: "the text to send is missing", hint: hint)
            }
            let body = String(query.dropFirst(6))
            guard SupportContact.isPhoneNumber(number) else {
                throw UnitParseError(input: text, message: "`\(number)` is not a phone number", hint: hint)
            }
            guard !body.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else {
                throw UnitParseError(input: text, message: "the text to send contains control characters", hint: hint)
            }
            self = .sms(number: String(number), body: body)
            return
        }
        let allowed = Set("0123456789*#ABCDEFGHIJKLMNOPQRSTUVWXYZ_")
        guard let first = text.first, first == "*" || first == "#", text.hasSuffix("#"), text.count >= 3,
            text.allSatisfy(allowed.contains)
        else {
            throw UnitParseError(input: text, message: "`\(text)` is not a recharge code", hint: hint)
        }
        self = .ussd(text)
    }

    /// "by dialling #124*CODE#", "by texting RECHARGE CODE to 2222".
    public var instruction: String {
        switch self {
        case .ussd(let code): "by dialling \(code)"
        case .sms(let number, let body): "by texting \(body) to \(number)"
        }
    }

    /// As written in the configuration.
    public var description: String {
        switch self {
        case .ussd(let code): code
        case .sms(let number, let body): "sms:\(number)?body=\(body)"
        }
    }
}
