import FoundationEssentials

extension Money {
    /// The amount as a binary number, for rates shown to people (cost per GB, per day); totals stay decimal.
    public var approximateValue: Double { Double(amount.description) ?? 0 }

    /// "2.00 EUR": a rate in `currency`, rounded to cents; "more than 10^15 EUR" past what cents can hold.
    public static func rate(_ value: Double, currency: String) -> String {
        guard value.isFinite, value >= 0 else { return "? \(currency)" }
        guard value < 1e15 else { return "more than 10^15 \(currency)" }
        let cents = Int64((value * 100).rounded())
        let fraction = cents % 100
        return "\(cents / 100).\(fraction < 10 ? "0" : "")\(fraction) \(currency)"
    }
}
