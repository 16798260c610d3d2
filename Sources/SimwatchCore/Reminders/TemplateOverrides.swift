/// Subject and body templates written in the configuration, per kind of reminder, for every language
/// (`[templates.KIND]`) or for one (`[templates.fr.KIND]`). What is not written falls back: for a reminder in
/// language L, a template for L (the channel's own, then `[templates.L]`), then one for every language (the
/// channel's, then `[templates]`), then the built-in one of L.
public struct TemplateOverrides: Sendable, Hashable {
    /// A subject or body template's text with where it was written.
    public struct Text: Sendable, Hashable {
        public var source: String
        /// "config.toml:31", for messages.
        public var location: String

        public init(_ source: String, location: String = "") {
            self.source = source
            self.location = location
        }
    }

    public struct Pair: Sendable, Hashable {
        public var subject: Text?
        public var body: Text?

        public init(subject: Text? = nil, body: Text? = nil) {
            self.subject = subject
            self.body = body
        }
    }

    /// For every language.
    public var byKind: [ReminderKind: Pair]
    /// For one language, winning over `byKind`.
    public var byLanguage: [Language: [ReminderKind: Pair]]

    public init(_ byKind: [ReminderKind: Pair] = [:], byLanguage: [Language: [ReminderKind: Pair]] = [:]) {
        self.byKind = byKind
        self.byLanguage = byLanguage
    }

    /// These overrides, with `fallback`'s filling what they leave out (language by language).
    public func over(_ fallback: TemplateOverrides) -> TemplateOverrides {
        var languages = fallback.byLanguage
        for (language, pairs) in byLanguage {
            languages[language] = Self.merge(pairs, over: languages[language] ?? [:])
        }
        return TemplateOverrides(Self.merge(byKind, over: fallback.byKind), byLanguage: languages)
    }

    /// The subject and body written for `kind` in `language`: those for the language first, then those for all.
    public func pair(_ kind: ReminderKind, in language: Language) -> Pair {
        let own = byLanguage[language]?[kind]
        let all = byKind[kind]
        return Pair(subject: own?.subject ?? all?.subject, body: own?.body ?? all?.body)
    }

    private static func merge(
        _ pairs: [ReminderKind: Pair],
        over fallback: [ReminderKind: Pair]
    ) -> [ReminderKind: Pair] {
        var merged = fallback
        for (kind, pair) in pairs {
            merged[kind] = Pair(subject: pair.subject ?? merged[kind]?.subject, body: pair.body ?? merged[kind]?.body)
        }
        return merged
    }
}
