import SimwatchConfig
import SimwatchCore

/// `type = "email"`: mail piped to a sendmail-compatible program.
enum EmailChannelType: ChannelType {
    static func decode(_ table: TableReader) -> EmailSettings? {
        defer { table.finish(allowing: ChannelDecoder.commonKeys + ["to", "from", "sendmail"]) }
        let to = ChannelDecoder.addresses(table, "to") ?? []
        let from = ChannelDecoder.addresses(table, "from")
        if !table.has("from") { table.error(nil, "missing `from`", hint: "e.g. from = \"simwatch <me@example.com>\"") }
        if (from?.count ?? 0) > 1 { table.error("from", "`from` must be one address") }
        let sendmail = table.string("sendmail") ?? "/usr/sbin/sendmail"
        if !sendmail.hasPrefix("/") {
            table.error("sendmail", "`sendmail` must be an absolute path", hint: "e.g. \"/usr/sbin/sendmail\"")
        }
        guard let sender = from?.first else { return nil }
        return EmailSettings(to: to, from: sender, sendmail: sendmail)
    }

    static func makeChannel(
        _ settings: EmailSettings,
        channel: ChannelSettings,
        context: ChannelContext
    ) throws(ChannelFactory.Problem) -> any NotificationChannel {
        EmailChannel(
            name: channel.name,
            settings: settings,
            templates: try context.templates(channel, .full),
            timeout: channel.attemptTimeout.timeInterval,
            zone: context.zone
        )
    }
}
