import SimwatchAdapterKit
public import SimwatchConfig
public import SimwatchCore
public import SimwatchHTTP

/// Builds the channels a configuration names: the journal (always) and each `[channels.NAME]`. Secrets are read
/// here, at start and at every reload, so a rotated secret is picked up by `systemctl reload`. A channel that cannot
/// be built (an unreadable or too open secret, a bad template) is a configuration problem with its location.
public struct ChannelFactory: Sendable {
    let environment: [String: String]
    let transport: any HTTPTransport
    let echoJournal: Bool

    public init(environment: [String: String], transport: any HTTPTransport, echoJournal: Bool) {
        self.environment = environment
        self.transport = transport
        self.echoJournal = echoJournal
    }

    public func channels(for config: Config) throws(ConfigError) -> [String: any NotificationChannel] {
        let zone = config.daemon.timeZone
        var channels: [String: any NotificationChannel] = [
            "journal": JournalChannel(echoToStderr: echoJournal, zone: zone)
        ]
        var problems: [ConfigDiagnostic] = []
        for settings in config.channels {
            do {
                channels[settings.name] = try make(settings, zone: zone)
            } catch {
                problems.append(
                    ConfigDiagnostic(
                        file: config.path,
                        line: error.line ?? Self.line(of: settings.location),
                        context: "[channels.\(settings.name)]",
                        message: error.message,
                        hint: error.hint
                    )
                )
            }
        }
        guard problems.isEmpty else { throw ConfigError(problems) }
        return channels
    }

    struct Problem: Error {
        var message: String
        var hint: String?
        var line: Int?
    }

    func make(_ settings: ChannelSettings, zone: ZoneInfo) throws(Problem) -> any NotificationChannel {
        let timeout = settings.attemptTimeout.timeInterval
        switch settings.kind {
        case .email(let email):
            return EmailChannel(
                name: settings.name,
                settings: email,
                templates: try templates(settings, .full),
                timeout: timeout,
                zone: zone
            )
        case .webhook(let webhook):
            var signature: WebhookSignature?
            if let source = webhook.secret {
                let secret = try secret(source, keys: .secret)
                do {
                    signature = try WebhookSignature(secret: secret)
                } catch {
                    throw Problem(
                        message: "\(source): \(error)",
                        hint: error == .format ? "generate one: echo whsec_$(head -c 32 /dev/urandom | base64)" : nil
                    )
                }
            }
            return WebhookChannel(
                name: settings.name,
                settings: webhook,
                signature: signature,
                templates: try templates(settings, .full),
                transport: transport,
                timeout: timeout,
                zone: zone
            )
        case .ntfy(let ntfy):
            return NtfyChannel(
                settings: ntfy,
                token: try ntfy.token.map { source throws(Problem) in try secret(source, keys: .token) },
                templates: try templates(settings, .brief),
                transport: transport,
                timeout: timeout,
                zone: zone
            )
        case .desktop(let desktop):
            return DesktopChannel(
                settings: desktop,
                templates: try templates(settings, .summary),
                timeout: timeout,
                zone: zone
            )
        }
    }

    private func templates(
        _ settings: ChannelSettings,
        _ style: ReminderTemplates.BodyStyle
    ) throws(Problem) -> ReminderTemplates {
        do {
            return try ReminderTemplates(overrides: settings.templates, style: style)
        } catch {
            throw Problem(message: "\(error)", line: Self.line(of: error.location))
        }
    }

    private func secret(_ source: SecretSource, keys: SecretResolver.Keys) throws(Problem) -> String {
        do {
            return try SecretResolver(environment: environment).read(source, keys: keys)
        } catch {
            throw Problem(message: error.message, hint: error.hint)
        }
    }

    /// 12 from "config.toml:12".
    static func line(of location: String) -> Int? {
        location.split(separator: ":").last.flatMap { Int($0) }
    }
}
