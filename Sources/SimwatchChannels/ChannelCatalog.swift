import SimwatchAdapterKit
package import SimwatchConfig
package import SimwatchCore
import SimwatchHTTP

/// Every type of channel a configuration may name, one folder each (its settings, their decoding from
/// `[channels.NAME]`, the channel). The journal is built in and not among them. A new type is a folder and one line
/// in `all`.
package enum ChannelCatalog {
    /// In the order hints list their types.
    package static let all: [any ChannelType.Type] = [
        EmailChannelType.self, WebhookChannelType.self, NtfyChannelType.self, DesktopChannelType.self,
        SMSChannelType.self, AlertmanagerChannelType.self,
    ]

    /// The type whose `type` is `type`.
    package static func channelType(_ type: String) -> (any ChannelType.Type)? {
        all.first { $0.type == type }
    }
}

/// One type of channel: how its `[channels.NAME]` table decodes (`ChannelDecoder.Family`) and how the channel is
/// made from those settings.
package protocol ChannelType: ChannelDecoder.Family {
    static func makeChannel(
        _ settings: Kind,
        channel: ChannelSettings,
        context: ChannelContext
    ) throws(ChannelFactory.Problem) -> any NotificationChannel
}

extension ChannelType {
    /// The channel for `channel`, nil if its settings are of another type.
    static func makeChannel(
        for channel: ChannelSettings,
        context: ChannelContext
    ) throws(ChannelFactory.Problem) -> (any NotificationChannel)? {
        guard let settings = channel.kind.as(Kind.self) else { return nil }
        return try makeChannel(settings, channel: channel, context: context)
    }
}

/// What channels are made with: the HTTP client, the environment secrets are found in, the zone times are shown in.
package struct ChannelContext: Sendable {
    let transport: any HTTPTransport
    let environment: [String: String]
    let zone: ZoneInfo

    /// The channel's templates, its overrides checked.
    func templates(
        _ settings: ChannelSettings,
        _ style: ReminderTemplates.BodyStyle
    ) throws(ChannelFactory.Problem) -> ReminderTemplates {
        do {
            return try ReminderTemplates(overrides: settings.templates, style: style)
        } catch {
            throw ChannelFactory.Problem(message: "\(error)", line: ChannelFactory.line(of: error.location))
        }
    }

    /// A secret's text, read now (at start and at every reload, so a rotated secret is picked up).
    func secret(_ source: SecretSource, keys: SecretResolver.Keys) throws(ChannelFactory.Problem) -> String {
        do {
            return try SecretResolver(environment: environment).read(source, keys: keys)
        } catch {
            throw ChannelFactory.Problem(message: error.message, hint: error.hint)
        }
    }
}
