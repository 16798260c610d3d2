package import FoundationEssentials
package import SimwatchCore
internal import SimwatchTOML

/// The kinds of value several tables share, read and checked in one place so every table words their mistakes
/// alike: a choice among words, a secret's source, a time-out, a base URL, a time zone, an ICCID, a date, a
/// required key.
extension TableReader {
    /// A string value parsed by `parse`; the parser's message and hint become the diagnostic.
    package func parsed<T>(_ key: String, _ parse: (String) throws(UnitParseError) -> T) -> T? {
        guard let text = string(key) else { return nil }
        return parsedText(text, key: key, parse)
    }

    package func parsedText<T>(_ text: String, key: String, _ parse: (String) throws(UnitParseError) -> T) -> T? {
        do {
            return try parse(text)
        } catch {
            self.error(key, "`\(key)`: \(error.message)", hint: error.hint)
            return nil
        }
    }

    /// A reminder language: `en`, `fr` or `zh`.
    package func language(_ key: String) -> Language? {
        choice(key, Language.allCases.map(\.rawValue)).flatMap(Language.init(rawValue:))
    }

    /// A string that must be one of `choices`.
    package func choice(_ key: String, _ choices: [String]) -> String? {
        guard let s = string(key) else { return nil }
        guard choices.contains(s) else {
            let hint =
                Suggestion.nearest(to: s, in: choices).map { "did you mean `\($0)`?" }
                ?? "one of: \(choices.joined(separator: ", "))"
            error(key, "`\(key)` = \"\(s)\" is not known", hint: hint)
            return nil
        }
        return s
    }

    /// `secret_file` or `credential`: where a secret is read at each use. Reports a missing one when `required`.
    package func secret(required: Bool, what: String) -> SecretSource? {
        let file = string("secret_file")
        let credential = string("credential")
        if file != nil, credential != nil {
            error("credential", "set only one of `secret_file` and `credential`")
            return nil
        }
        if let file {
            guard file.hasPrefix("/") || file.hasPrefix("~/") else {
                error(
                    "secret_file",
                    "`secret_file` must be an absolute path",
                    hint: "e.g. \"~/.config/simwatch/\(what)\""
                )
                return nil
            }
            return .file(file)
        }
        if let credential {
            guard !credential.isEmpty, !credential.contains("/") else {
                error("credential", "`credential` is the name of a systemd credential, without '/'")
                return nil
            }
            return .credential(credential)
        }
        if required, !has("secret_file"), !has("credential") {
            error(
                nil,
                "missing the \(what): set `secret_file` (a file only you can read) or `credential` (systemd)",
                hint: "the secret itself never goes in the configuration"
            )
        }
        return nil
    }

    /// A duration such as "30s" that must be positive.
    package func timeout(_ key: String = "timeout", default value: TimeSpan) -> TimeSpan {
        guard let span = parsed(key, TimeSpan.init(parsing:)) else { return value }
        guard span.seconds > 0 else {
            error(key, "`\(key)` must be longer than zero")
            return value
        }
        return span
    }

    /// An http:// or https:// URL without a trailing slash.
    package func baseURL(_ key: String, default value: String) -> String {
        guard let url = string(key) else { return value }
        guard url.hasPrefix("https://") || url.hasPrefix("http://") else {
            error(key, "`\(key)` must start with https:// (or http://)")
            return value
        }
        return url.hasSuffix("/") ? String(url.dropLast()) : url
    }

    package func zone(_ key: String, default value: ZoneInfo) -> ZoneInfo {
        parsed(key, { (s) throws(UnitParseError) in try ZoneInfo(identifier: s) }) ?? value
    }

    /// An ICCID: 18 to 22 digits (the last may be the Luhn check digit).
    package func iccid(_ key: String = "iccid", required: Bool) -> String? {
        guard let value = string(key) else {
            if required, !has(key) { error(nil, "missing `\(key)`", hint: "the SIM's ICCID, e.g. \"8933...\"") }
            return nil
        }
        let digits = value.filter { $0 != " " }
        guard (18...22).contains(digits.count), digits.allSatisfy({ ("0"..."9").contains($0) }) else {
            error(key, "`\(key)` = \"\(value)\" is not an ICCID", hint: "18 to 22 digits, as printed on the SIM")
            return nil
        }
        return digits
    }

    package func required(_ key: String, hint: String) -> String? {
        let value = string(key)
        if value == nil, !has(key) { error(nil, "missing `\(key)`", hint: hint) }
        return value
    }

    /// A date given as a TOML date-time, a TOML date, or a string in any form `Date(parsing:zone:)` accepts,
    /// between 1970-01-01 and 9999-12-31 (`Plausible`): "0000-01-01" is a typo, not a plan start.
    package func date(_ key: String, zone: ZoneInfo) -> Date? {
        guard let date = anyDate(key, zone: zone) else { return nil }
        do {
            return try Plausible.date(date, what: "`\(key)`")
        } catch {
            self.error(key, error.message, hint: "use a date between 1970-01-01 and 9999-12-31")
            return nil
        }
    }

    private func anyDate(_ key: String, zone: ZoneInfo) -> Date? {
        guard let value = table[key] else { return nil }
        if let dt = value.dateTime {
            /// The date-time's wall-clock reading in `zone`.
            func reading(in zone: ZoneInfo) -> Date {
                zone.date(
                    year: dt.date.year,
                    month: dt.date.month,
                    day: dt.date.day,
                    hour: dt.time.hour,
                    minute: dt.time.minute,
                    second: dt.time.second
                )
            }
            // A local date-time is in the configured zone; an offset one is UTC moved back by its offset.
            guard let offset = dt.offsetMinutes else { return reading(in: zone) }
            return reading(in: .utc).addingTimeInterval(-Double(offset) * 60)
        }
        if let d = value.date {
            return zone.date(year: d.year, month: d.month, day: d.day, hour: 0, minute: 0)
        }
        return parsed(key) { (s) throws(UnitParseError) in try Date(parsing: s, zone: zone) }
    }
}
