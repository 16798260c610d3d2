/// How an SMS carries its text, and what it costs: GSM 03.38's 7-bit alphabet (160 septets in one message, 153 per
/// part of a longer one, the extension table's characters taking two), else UCS-2 (70 UTF-16 code units, 67 per
/// part; a character outside the BMP takes two). ModemManager makes the same choice and the same split, so the part
/// count here is the count the network bills.
public enum SMSEncoding: Sendable, Hashable {
    case gsm7
    case ucs2

    /// GSM-7 when every character is in the default alphabet or its extension table, else UCS-2.
    public init(of text: String) {
        self = text.unicodeScalars.allSatisfy { Self.septets($0) != nil } ? .gsm7 : .ucs2
    }

    /// Units (septets or UTF-16 code units) in one message on its own.
    public var single: Int { self == .gsm7 ? 160 : 70 }
    /// Units per part of a concatenated message (the rest of the 140 bytes holds the part header).
    public var perPart: Int { self == .gsm7 ? 153 : 67 }

    /// What `scalar` costs in this encoding: 1 or 2; nil when GSM-7 cannot carry it.
    public func cost(_ scalar: Unicode.Scalar) -> Int? {
        switch self {
        case .gsm7: Self.septets(scalar)
        case .ucs2: scalar.utf16.count
        }
    }

    /// Units in `text`, nil when GSM-7 cannot carry it.
    public func length(_ text: String) -> Int? {
        var total = 0
        for scalar in text.unicodeScalars {
            guard let cost = cost(scalar) else { return nil }
            total += cost
        }
        return total
    }

    /// The number of messages `text` is sent as (nil when GSM-7 cannot carry it). A character is never split between
    /// two parts (an escape and its character, or the two halves of a surrogate pair, stay together), so a part may
    /// hold one unit less than `perPart`.
    public func parts(_ text: String) -> Int? {
        guard let total = length(text) else { return nil }
        if total <= single { return 1 }
        var parts = 1
        var used = 0
        for scalar in text.unicodeScalars {
            let cost = self.cost(scalar) ?? 1
            if used + cost > perPart {
                parts += 1
                used = 0
            }
            used += cost
        }
        return parts
    }

    /// Septets a scalar takes in GSM 03.38: 1 in the default alphabet, 2 in the extension table (escape + code),
    /// nil if neither has it.
    static func septets(_ scalar: Unicode.Scalar) -> Int? {
        if basic.contains(scalar) { return 1 }
        if extended.contains(scalar) { return 2 }
        return nil
    }

    /// GSM 03.38's default alphabet (the escape at 0x1B left out: it only introduces the extension table).
    static let basic: Set<Unicode.Scalar> = Set(
        ("@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà").unicodeScalars
    )

    /// GSM 03.38's extension table: each takes an escape septet and its own.
    static let extended: Set<Unicode.Scalar> = Set("\u{0C}^{}\\[~]|€".unicodeScalars)
}
