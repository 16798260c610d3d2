/// The language reminders are written in (`language = "fr"` in `[daemon]`, a `[[line]]` or a `[channels.NAME]`).
/// Each has a complete `Phrasebook`; machine-readable fields (journal fields, webhook keys, ids) never change with it.
public enum Language: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    case en
    case fr
    /// Simplified Chinese.
    case zh

    /// The words and formats of this language.
    public var phrasebook: any Phrasebook {
        switch self {
        case .en: English()
        case .fr: French()
        case .zh: Chinese()
        }
    }

    /// The BCP 47 tag for a mail's `Content-Language`: "en", "fr", "zh-Hans".
    public var tag: String {
        switch self {
        case .en: "en"
        case .fr: "fr"
        case .zh: "zh-Hans"
        }
    }

    /// As written in the configuration.
    public var description: String { rawValue }

    /// The values the configuration accepts, for messages: "en, fr, zh".
    public static var names: String { allCases.map(\.rawValue).joined(separator: ", ") }
}
