import SimwatchCore

/// The keys of each channel type.
extension ChannelDecoder {
    static func email(_ table: TableReader) -> ChannelKind? {
        defer { table.finish(allowing: commonKeys + ["to", "from", "sendmail"]) }
        let to = addresses(table, "to") ?? []
        let from = addresses(table, "from")
        if !table.has("from") { table.error(nil, "missing `from`", hint: "e.g. from = \"simwatch <me@example.com>\"") }
        if (from?.count ?? 0) > 1 { table.error("from", "`from` must be one address") }
        let sendmail = table.string("sendmail") ?? "/usr/sbin/sendmail"
        if !sendmail.hasPrefix("/") {
            table.error("sendmail", "`sendmail` must be an absolute path", hint: "e.g. \"/usr/sbin/sendmail\"")
        }
        guard let sender = from?.first else { return nil }
        return .email(EmailSettings(to: to, from: sender, sendmail: sendmail))
    }

    static func webhook(_ table: TableReader) -> ChannelKind? {
        defer { table.finish(allowing: commonKeys + ["url", "secret_file", "credential", "connect_timeout"]) }
        let url = endpoint(table)
        let secret = secret(table, fileKey: "secret_file", credentialKey: "credential")
        let connect = connectTimeout(table)
        guard let url else { return nil }
        return .webhook(WebhookSettings(url: url, secret: secret, connectTimeout: connect))
    }

    static func ntfy(_ table: TableReader) -> ChannelKind? {
        defer {
            table.finish(
                allowing: commonKeys + ["url", "token_file", "token_credential", "priority", "tags", "connect_timeout"]
            )
        }
        let url = endpoint(table)
        let token = secret(table, fileKey: "token_file", credentialKey: "token_credential")
        var priorities = NtfySettings.defaultPriorities
        if let sub = table.subtable("priority", context: "\(table.context) priority") {
            for severity in Severity.allCases {
                if let value = sub.int(severity.rawValue, in: 1...5) { priorities[severity] = value }
            }
            sub.finish(allowing: Severity.allCases.map(\.rawValue))
        }
        let tags = table.stringList("tags") ?? []
        for tag in tags
        where tag.isEmpty || tag.contains(",") || tag.unicodeScalars.contains(where: { $0.value < 0x20 }) {
            table.error("tags", "tag `\(tag)` must be a non-empty word without commas")
        }
        let connect = connectTimeout(table)
        guard let url else { return nil }
        return .ntfy(NtfySettings(url: url, token: token, priorities: priorities, tags: tags, connectTimeout: connect))
    }

    static func desktop(_ table: TableReader) -> ChannelKind? {
        defer { table.finish(allowing: commonKeys + ["urgency", "expire_after"]) }
        var settings = DesktopSettings()
        let levels: [String: UInt8] = ["low": 0, "normal": 1, "critical": 2]
        if let sub = table.subtable("urgency", context: "\(table.context) urgency") {
            for severity in Severity.allCases {
                guard let word = sub.string(severity.rawValue) else { continue }
                guard let level = levels[word] else {
                    sub.error(severity.rawValue, "urgency `\(word)` is not low, normal or critical")
                    continue
                }
                settings.urgency[severity] = level
            }
            sub.finish(allowing: Severity.allCases.map(\.rawValue))
        }
        if let text = table.string("expire_after") {
            if text == "never" {
                settings.expireTimeout = 0
            } else if let span = table.parsedText(text, key: "expire_after", TimeSpan.init(parsing:)) {
                if span.seconds < 1 || span.seconds > 86_400 {
                    table.error(
                        "expire_after",
                        "`expire_after` = \(span) is out of range",
                        hint: "use 1s ... 1d or \"never\""
                    )
                }
                settings.expireTimeout = Int32(clamping: span.seconds * 1000)
            }
        }
        return .desktop(settings)
    }

    private static func endpoint(_ table: TableReader) -> EndpointURL? {
        if !table.has("url") { table.error(nil, "missing `url`", hint: "e.g. url = \"https://example.com/hook\"") }
        return table.parsed("url", EndpointURL.init(parsing:))
    }

    private static func connectTimeout(_ table: TableReader) -> TimeSpan {
        let span = table.parsed("connect_timeout", TimeSpan.init(parsing:)) ?? TimeSpan(seconds: 10)
        if span < TimeSpan(seconds: 1) || span > .minutes(5) {
            table.error("connect_timeout", "`connect_timeout` = \(span) is out of range", hint: "use 1s ... 5m")
        }
        return span
    }

    private static func secret(_ table: TableReader, fileKey: String, credentialKey: String) -> SecretSource? {
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
