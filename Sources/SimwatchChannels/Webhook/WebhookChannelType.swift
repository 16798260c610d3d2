import SimwatchAdapterKit
import SimwatchConfig
import SimwatchCore

/// `type = "webhook"`: a signed JSON POST.
enum WebhookChannelType: ChannelType {
    static func decode(_ table: TableReader) -> WebhookSettings? {
        defer {
            table.finish(allowing: ChannelDecoder.commonKeys + ["url", "secret_file", "credential", "connect_timeout"])
        }
        let url = ChannelDecoder.endpoint(table)
        let secret = ChannelDecoder.secret(table, fileKey: "secret_file", credentialKey: "credential")
        let connect = ChannelDecoder.connectTimeout(table)
        guard let url else { return nil }
        return WebhookSettings(url: url, secret: secret, connectTimeout: connect)
    }

    static func makeChannel(
        _ settings: WebhookSettings,
        channel: ChannelSettings,
        context: ChannelContext
    ) throws(ChannelFactory.Problem) -> any NotificationChannel {
        var signature: WebhookSignature?
        if let source = settings.secret {
            let secret = try context.secret(source, keys: .secret)
            do {
                signature = try WebhookSignature(secret: secret)
            } catch {
                throw ChannelFactory.Problem(
                    message: "\(source): \(error)",
                    hint: error == .format ? "generate one: echo whsec_$(head -c 32 /dev/urandom | base64)" : nil
                )
            }
        }
        return WebhookChannel(
            name: channel.name,
            settings: settings,
            signature: signature,
            templates: try context.templates(channel, .full),
            transport: context.transport,
            timeout: channel.attemptTimeout.timeInterval,
            zone: context.zone
        )
    }
}
