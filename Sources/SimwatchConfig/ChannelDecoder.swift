package import SimwatchCore
internal import SimwatchTOML

/// Decodes `[channels.NAME]`, `[templates]`, a line's `channels` list and its `[line.email]`.
package enum ChannelDecoder {
    /// One type of channel: the `type = "..."` that selects it (its settings' `type`) and the keys of its table.
    package protocol Family: Sendable {
        associatedtype Kind: ChannelKind
        /// The settings, or nil after reporting why not; reports unknown keys too (`commonKeys` are allowed).
        static func decode(_ table: TableReader) -> Kind?
    }

    /// The keys every `[channels.NAME]` may have.
    package static let commonKeys = ["type", "give_up_after", "timeout", "templates", "language"]

    /// Every `[channels.NAME]`, sorted by name, and the names of those with mistakes (already reported, so a line
    /// naming one is not told the channel is unknown). `global` holds the `[templates]` overrides.
    static func decodeAll(
        _ table: TableReader?,
        global: TemplateOverrides,
        families: [any Family.Type]
    ) -> (channels: [ChannelSettings], broken: Set<String>) {
        guard let table else { return ([], []) }
        var channels: [ChannelSettings] = []
        for name in table.table.keys.sorted() {
            guard let sub = table.subtable(name, context: "[channels.\(name)]") else { continue }
            if Config.builtInChannels.contains(name) {
                table.error(name, "`\(name)` is built in and always on", hint: "give your channel another name")
                continue
            }
            if !RuleDecoder.isValidID(name) {
                table.error(name, "channel name `\(name)` may use only a-z, 0-9, '.', '_' and '-'")
                continue
            }
            if let channel = decode(sub, name: name, global: global, families: families) { channels.append(channel) }
        }
        return (channels, Set(table.table.keys).subtracting(channels.map(\.name)))
    }

    static func decode(
        _ table: TableReader,
        name: String,
        global: TemplateOverrides,
        families: [any Family.Type]
    ) -> ChannelSettings? {
        let types = families.map { $0.type }
        let giveUpSetting = table.parsed("give_up_after", TimeSpan.init(parsing:))
        if let giveUp = giveUpSetting, giveUp < .minutes(1) {
            table.error("give_up_after", "`give_up_after` = \(giveUp) is too short", hint: "use 1m or more")
        }
        let timeout = table.parsed("timeout", TimeSpan.init(parsing:)) ?? TimeSpan(seconds: 30)
        if timeout < TimeSpan(seconds: 1) || timeout > .minutes(10) {
            table.error("timeout", "`timeout` = \(timeout) is out of range", hint: "use 1s ... 10m")
        }
        let own = decodeTemplates(table.subtable("templates", context: "[channels.\(name).templates]"))
        let language = table.language("language")
        guard let type = table.string("type") else {
            if !table.has("type") {
                table.error(nil, "missing `type`", hint: "one of: \(types.joined(separator: ", "))")
            }
            return nil
        }
        guard let family = families.first(where: { $0.type == type }) else {
            let hint =
                Suggestion.nearest(to: type, in: types).map { "did you mean `\($0)`?" }
                ?? "one of: \(types.joined(separator: ", "))"
            table.error("type", "unknown channel type `\(type)`", hint: hint)
            return nil
        }
        let kind = family.decodeAny(table)
        guard let kind else { return nil }
        let usesNetwork = Swift.type(of: kind).usesNetwork
        let giveUp =
            giveUpSetting ?? (usesNetwork ? ChannelSettings.networkGiveUpAfter : ChannelSettings.localGiveUpAfter)
        return ChannelSettings(
            name: name,
            kind: kind,
            giveUpAfter: giveUp,
            attemptTimeout: timeout,
            templates: own.over(global),
            language: language,
            location: location(table, nil)
        )
    }

    /// `[templates]` or `[channels.NAME.templates]`: `[templates.KIND]` tables with `subject` and `body`;
    /// `[templates.default]` applies to every kind not given its own. `[templates.LANGUAGE.KIND]` (and
    /// `[templates.LANGUAGE.default]`) hold the same for reminders in one language only.
    static func decodeTemplates(_ table: TableReader?) -> TemplateOverrides {
        guard let table else { return TemplateOverrides() }
        var byLanguage: [Language: [ReminderKind: TemplateOverrides.Pair]] = [:]
        for language in Language.allCases {
            guard table.has(language.rawValue) else { continue }
            let sub = table.subtable(language.rawValue, context: "[\(table.path).\(language.rawValue)]")
            byLanguage[language] = decodeKinds(sub, others: [])
        }
        return TemplateOverrides(decodeKinds(table, others: Language.allCases.map(\.rawValue)), byLanguage: byLanguage)
    }

    /// `[...KIND]` and `[...default]` tables under `table`; `others` are further keys it may hold.
    private static func decodeKinds(_ table: TableReader?, others: [String]) -> [ReminderKind: TemplateOverrides.Pair] {
        guard let table else { return [:] }
        let names = ["default"] + ReminderKind.allCases.map(\.rawValue)
        var byKind: [ReminderKind: TemplateOverrides.Pair] = [:]
        var fallback = TemplateOverrides.Pair()
        for key in table.table.keys.sorted() {
            guard names.contains(key) else { continue }
            guard let sub = table.subtable(key, context: "[\(table.path).\(key)]") else { continue }
            var pair = TemplateOverrides.Pair()
            for part in ["subject", "body"] {
                guard let source = sub.string(part) else { continue }
                if let problem = ReminderTemplates.check(source) {
                    sub.error(part, "`\(part)` is not a valid Mustache template: \(problem)")
                    continue
                }
                let text = TemplateOverrides.Text(source, location: location(sub, part))
                if part == "subject" { pair.subject = text } else { pair.body = text }
            }
            sub.finish(allowing: ["subject", "body"])
            if let kind = ReminderKind(rawValue: key) { byKind[kind] = pair } else { fallback = pair }
        }
        table.finish(allowing: names + others)
        if fallback.subject != nil || fallback.body != nil {
            for kind in ReminderKind.allCases {
                let pair = byKind[kind]
                byKind[kind] = .init(subject: pair?.subject ?? fallback.subject, body: pair?.body ?? fallback.body)
            }
        }
        return byKind
    }

    /// A line's `channels`: every name must be built in or configured; the journal is always added.
    static func lineChannels(_ table: TableReader, configured: [ChannelSettings], broken: Set<String>) -> [String] {
        var channels = table.stringList("channels") ?? []
        let known = Config.builtInChannels + configured.map(\.name)
        for channel in channels where !known.contains(channel) && !broken.contains(channel) {
            let configuredNames =
                configured.isEmpty
                ? "none; add a [channels.NAME] table"
                : configured.map(\.name)
                    .joined(separator: ", ")
            let hint =
                Suggestion.nearest(to: channel, in: known).map { "did you mean `\($0)`?" }
                ?? "configured channels: \(configuredNames)"
            table.error("channels", "unknown channel `\(channel)`", hint: hint)
        }
        var seen: Set<String> = []
        channels = channels.filter { seen.insert($0).inserted }
        if !channels.contains("journal") { channels.insert("journal", at: 0) }
        return channels
    }

    /// `[line.email]`: the line's own recipients for its email channels (all of them, or those in `channels`).
    static func lineEmail(
        _ table: TableReader?,
        lineChannels: [String],
        configured: [ChannelSettings]
    ) -> LineEmail? {
        guard let table else { return nil }
        let emailChannels = configured.filter { $0.kind.sendsMail && lineChannels.contains($0.name) }
        let to = addresses(table, "to")
        if !table.has("to") { table.error(nil, "missing `to`", hint: "e.g. to = \"customer@example.com\"") }
        let only = table.stringList("channels") ?? []
        for name in only where !emailChannels.contains(where: { $0.name == name }) {
            table.error(
                "channels",
                "`\(name)` is not an email channel of this line",
                hint: "the line's email channels: \(emailChannels.map(\.name).joined(separator: ", "))"
            )
        }
        if emailChannels.isEmpty {
            table.error(nil, "[line.email] but the line has no email channel", hint: "add one to the line's `channels`")
        }
        table.finish(allowing: ["to", "channels"])
        guard let to, !to.isEmpty else { return nil }
        return LineEmail(to: to, channels: only)
    }

    /// An email channel without `to` is fine only when every line that uses it brings its own `[line.email]`.
    static func checkRecipients(_ top: TableReader, lines: [Line], channels: [ChannelSettings]) {
        for channel in channels {
            guard channel.kind.mailRecipients?.isEmpty == true else { continue }
            let bare = lines.filter {
                $0.channels.contains(channel.name) && $0.email?.recipients(for: channel.name) == nil
            }
            guard let first = bare.first else { continue }
            let table = top.table["channels"]?.table
            top.sink.add(
                line: table?.position(of: channel.name)?.line ?? top.line(of: "channels"),
                context: "[channels.\(channel.name)]",
                message: "email channel `\(channel.name)` has no `to`, and line '\(first.id)' sets no [line.email] to",
                hint: "add to = \"you@example.com\" here or in that line's [line.email]"
            )
        }
    }

    /// A string or list of mail addresses.
    package static func addresses(_ table: TableReader, _ key: String) -> [MailAddress]? {
        guard let list = table.stringList(key) else { return nil }
        var out: [MailAddress] = []
        for text in list {
            guard let address = MailAddress(parsing: text) else {
                table.error(
                    key,
                    "`\(text)` is not a mail address",
                    hint: "write \"name@example.com\" or \"Name <name@example.com>\""
                )
                continue
            }
            out.append(address)
        }
        return out
    }

    /// "config.toml:12" for a key (or the table itself).
    static func location(_ table: TableReader, _ key: String?) -> String {
        let diagnostic = ConfigDiagnostic(
            file: table.sink.file,
            line: table.line(of: key),
            context: "",
            message: ""
        )
        return diagnostic.location
    }

    // What several types of channel read alike.

    package static func endpoint(_ table: TableReader) -> EndpointURL? {
        if !table.has("url") { table.error(nil, "missing `url`", hint: "e.g. url = \"https://example.com/hook\"") }
        return table.parsed("url", EndpointURL.init(parsing:))
    }

    package static func connectTimeout(_ table: TableReader) -> TimeSpan {
        let span = table.parsed("connect_timeout", TimeSpan.init(parsing:)) ?? TimeSpan(seconds: 10)
        if span < TimeSpan(seconds: 1) || span > .minutes(5) {
            table.error("connect_timeout", "`connect_timeout` = \(span) is out of range", hint: "use 1s ... 5m")
        }
        return span
    }

    package static func secret(_ table: TableReader, fileKey: String, credentialKey: String) -> SecretSource? {
        if table.has(fileKey), table.has(credentialKey) {
            table.error(credentialKey, "set only one of `\(fileKey)` and `\(credentialKey)`")
        }
        if let path = table.string(fileKey) {
            if !path.hasPrefix("/") && !path.hasPrefix("~/") {
                table.error(
                    fileKey,
                    "`\(fileKey)` must be an absolute path",
                    hint: "e.g. \"~/.config/simwatch/secret\""
                )
            }
            return .file(path)
        }
        if let name = table.string(credentialKey) {
            if name.isEmpty || name.contains("/") || name == "." || name == ".." {
                table.error(
                    credentialKey,
                    "credential name `\(name)` must be a plain file name",
                    hint: "as in LoadCredential=NAME:PATH"
                )
            }
            return .credential(name)
        }
        return nil
    }
}

extension ChannelDecoder.Family {
    /// The `type = "..."` that selects this type of channel.
    package static var type: String { Kind.type }

    static func decodeAny(_ table: TableReader) -> (any ChannelKind)? {
        decode(table)
    }
}
