/// Subject and body templates written in the configuration, per kind of reminder. What is not written falls back
/// (a channel's own, then `[templates]`, then the built-in English ones).
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

    public var byKind: [ReminderKind: Pair]

    public init(_ byKind: [ReminderKind: Pair] = [:]) {
        self.byKind = byKind
    }

    /// These overrides, with `fallback`'s filling what they leave out.
    public func over(_ fallback: TemplateOverrides) -> TemplateOverrides {
        var merged = fallback.byKind
        for (kind, pair) in byKind {
            merged[kind] = Pair(subject: pair.subject ?? merged[kind]?.subject, body: pair.body ?? merged[kind]?.body)
        }
        return TemplateOverrides(merged)
    }
}
