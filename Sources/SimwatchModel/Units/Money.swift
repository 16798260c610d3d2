public import FoundationEssentials

/// An amount of prepaid credit in one currency.
///
/// Parsing accepts a number with a currency before or after it, with or without a space: "5 EUR", "4,52 EUR",
/// "4.52€", "€4.52", "$3", "3 USD", "10 £", "EUR 5", "12 euros". The symbols €, $ and £ mean EUR, USD and GBP;
/// any other currency is written as its three-letter ISO 4217 code, in any case. A leading minus is allowed, as
/// some plans let the balance go below zero. The currency is required, digit grouping ("1,500 EUR") is
/// rejected as ambiguous, and amounts beyond 10¹² (`Plausible.maximumMoney`) are refused.
public struct Money: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The amount, exactly as written (no binary floating point).
    public var amount: Decimal
    /// The ISO 4217 code, upper-case: "EUR".
    public var currency: String

    /// Creates an amount; `currency` is upper-cased.
    public init(amount: Decimal, currency: String) {
        self.amount = amount
        self.currency = currency.uppercased()
    }

    /// Parses an amount such as "4,52 EUR", "€4.52" or "3 USD".
    public init(parsing text: String) throws(UnitParseError) {
        let examples = "write e.g. 5 EUR, 4.52 €, €4.52 or 3 USD"
        var rest = DecimalLiteral.trimmed(text)
        guard !rest.isEmpty else {
            throw UnitParseError(input: text, message: "empty amount of money", hint: examples)
        }
        let minusBeforeCurrency = Self.scanMinus(&rest)
        let prefixCurrency = try Self.scanCurrency(&rest, in: text)
        rest = DecimalLiteral.trimmed(rest)
        let minusAfterCurrency = Self.scanMinus(&rest)
        let negative = minusBeforeCurrency || minusAfterCurrency
        guard !(minusBeforeCurrency && minusAfterCurrency), let number = DecimalLiteral.scan(&rest) else {
            throw UnitParseError(input: text, message: "'\(text)' is not an amount of money", hint: examples)
        }
        try number.requireNoDigitGrouping(in: text, example: "1.50 EUR or 1500 EUR")
        rest = DecimalLiteral.trimmed(rest)
        let suffixCurrency = try Self.scanCurrency(&rest, in: text)
        rest = DecimalLiteral.trimmed(rest)
        guard rest.isEmpty else {
            throw UnitParseError(
                input: text,
                message: "unexpected '\(rest)' in amount '\(text)'",
                hint: examples
            )
        }
        let currency: String
        switch (prefixCurrency, suffixCurrency) {
        case (let code?, nil), (nil, let code?):
            currency = code
        case (nil, nil):
            throw UnitParseError(input: text, message: "amount '\(text)' has no currency", hint: examples)
        case (_?, _?):
            throw UnitParseError(input: text, message: "amount '\(text)' has two currencies", hint: examples)
        }
        let digits = number.integerDigits + number.fractionDigits
        guard digits.count <= 19, let significand = UInt64(digits) else {
            throw UnitParseError(input: text, message: "amount '\(text)' has too many digits")
        }
        let amount = Decimal(
            sign: negative && significand != 0 ? .minus : .plus,
            exponent: -number.fractionDigits.count,
            significand: Decimal(significand)
        )
        guard amount.magnitude <= Decimal(Plausible.maximumMoney) else {
            throw UnitParseError(
                input: text,
                message: "amount '\(text)' is more than 10^12, the largest plausible amount"
            )
        }
        self.init(amount: amount, currency: currency)
    }

    /// The amount and the code: "4.52 EUR", "4.50 EUR", "5 EUR"; never fewer than two decimals when there is
    /// a fraction, more only when the amount has them ("0.125 EUR").
    public var description: String {
        var text = amount.description
        if let dot = text.firstIndex(of: ".") {
            let decimals = text.distance(from: text.index(after: dot), to: text.endIndex)
            if decimals < 2 { text += String(repeating: "0", count: 2 - decimals) }
        }
        return "\(text) \(currency)"
    }

    private static func scanMinus(_ text: inout Substring) -> Bool {
        guard text.first == "-" || text.first == "\u{2212}" else { return false }
        text = DecimalLiteral.trimmed(text.dropFirst())
        return true
    }

    /// Reads a symbol, a three-letter code or a spelled-out name at the start of `text`; nil when there is none.
    private static func scanCurrency(_ text: inout Substring, in input: String) throws(UnitParseError) -> String? {
        if let first = text.first, let code = symbols[first] {
            text = text.dropFirst()
            return code
        }
        let word = text.prefix { $0.isLetter }
        guard !word.isEmpty else { return nil }
        text = text.dropFirst(word.count)
        let lowered = word.lowercased()
        if lowered == "euro" || lowered == "euros" { return "EUR" }
        guard word.count == 3, word.allSatisfy({ $0.isASCII }) else {
            throw UnitParseError(
                input: input,
                message: "unknown currency '\(word)' in '\(input)'",
                hint: "use a three-letter ISO 4217 code such as EUR, USD or GBP, or one of € $ £"
            )
        }
        return word.uppercased()
    }

    private static let symbols: [Character: String] = ["€": "EUR", "$": "USD", "£": "GBP"]
}
