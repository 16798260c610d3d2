/// How one language writes numbers and units, for the phrasebooks to share: the decimal separator, byte units,
/// duration units. Pure string work over the values' own decimal forms (no ICU, no locale).
struct NumberStyle: Sendable {
    /// "," in French.
    var decimalSeparator: String
    /// Byte units from bytes up: ["B", "kB", "MB", ...].
    var byteUnits: [String]
    /// Duration units: weeks, days, hours, minutes, seconds.
    var spanUnits: (week: String, day: String, hour: String, minute: String, second: String)
    /// Between a number and its duration unit ("3 j" in French, "3天" in Chinese).
    var spanUnitGap: String
    /// Between the parts of a duration ("3 j 4 h", "3天4小时").
    var spanPartGap: String

    /// `ByteCount.description` in this style: same rounding, own separator and units.
    func bytes(_ count: ByteCount) -> String {
        let english = count.description
        guard let space = english.lastIndex(of: " ") else { return english }
        let number = english[..<space].replacing(".", with: decimalSeparator)
        let unit = english[english.index(after: space)...]
        let units = ["B", "kB", "MB", "GB", "TB", "PB", "EB"]
        let own = units.firstIndex(of: String(unit)).map { byteUnits[$0] } ?? String(unit)
        return "\(number) \(own)"
    }

    /// A decimal number written in English ("4.50") with this separator.
    func decimal(_ english: String) -> String {
        english.replacing(".", with: decimalSeparator)
    }

    /// `TimeSpan.description`'s choice of parts (the two largest non-zero; weeks only when exact) in this style.
    func span(_ span: TimeSpan) -> String {
        let sign = span.seconds < 0 ? "-" : ""
        let magnitude = span.seconds.magnitude
        if magnitude == 0 { return "0\(spanUnitGap)\(spanUnits.second)" }
        if magnitude % 604_800 == 0 { return "\(sign)\(magnitude / 604_800)\(spanUnitGap)\(spanUnits.week)" }
        let parts: [(UInt64, String)] = [
            (magnitude / 86_400, spanUnits.day),
            (magnitude % 86_400 / 3600, spanUnits.hour),
            (magnitude % 3600 / 60, spanUnits.minute),
            (magnitude % 60, spanUnits.second),
        ]
        var text = sign
        var shown = 0
        for (value, unit) in parts where value != 0 && shown < 2 {
            text += (shown == 0 ? "" : spanPartGap) + "\(value)\(spanUnitGap)\(unit)"
            shown += 1
        }
        return text
    }

    /// `Money.description` in this style; `symbols` replace a currency code ("EUR": "€").
    func money(_ amount: Money, symbols: [String: String] = [:]) -> String {
        let english = amount.description
        let number = english.dropLast(amount.currency.count + 1)
        return "\(decimal(String(number))) \(symbols[amount.currency] ?? amount.currency)"
    }

    /// `Money.rate` in this style.
    func rate(_ value: Double, currency: String, symbols: [String: String] = [:]) -> String {
        let english = Money.rate(value, currency: currency)
        guard english.hasSuffix(" \(currency)") else { return english }
        return "\(decimal(String(english.dropLast(currency.count + 1)))) \(symbols[currency] ?? currency)"
    }
}
