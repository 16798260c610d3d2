import SimwatchAdapterKit
import SimwatchConfig
import SimwatchCore

/// `type = "ntfy"`: a plain-text POST to an ntfy topic.
enum NtfyChannelType: ChannelType {
    static func decode(_ table: TableReader) -> NtfySettings? {
        defer {
            table.finish(
                allowing: ChannelDecoder.commonKeys + [
                    "url", "token_file", "token_credential", "priority", "tags", "connect_timeout",
                ]
            )
        }
        let url = ChannelDecoder.endpoint(table)
        let token = ChannelDecoder.secret(table, fileKey: "token_file", credentialKey: "token_credential")
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
        let connect = ChannelDecoder.connectTimeout(table)
        guard let url else { return nil }
        return NtfySettings(url: url, token: token, priorities: priorities, tags: tags, connectTimeout: connect)
    }

    static func makeChannel(
        _ settings: NtfySettings,
        channel: ChannelSettings,
        context: ChannelContext
    ) throws(ChannelFactory.Problem) -> any NotificationChannel {
        NtfyChannel(
            settings: settings,
            token: try settings.token.map { source throws(ChannelFactory.Problem) in
                try context.secret(source, keys: .token)
            },
            templates: try context.templates(channel, .brief),
            transport: context.transport,
            timeout: channel.attemptTimeout.timeInterval,
            zone: context.zone
        )
    }
}
