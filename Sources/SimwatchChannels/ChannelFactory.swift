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

    /// Why a channel cannot be built, with the configuration line to point at when known.
    package struct Problem: Error {
        var message: String
        var hint: String?
        var line: Int?
    }

    func make(_ settings: ChannelSettings, zone: ZoneInfo) throws(Problem) -> any NotificationChannel {
        let context = ChannelContext(transport: transport, environment: environment, zone: zone)
        guard
            let channel = try ChannelCatalog.channelType(settings.kind.type)?.makeChannel(
                for: settings,
                context: context
            )
        else {
            // Only settings built in code can name a type the catalog lacks: the configuration refuses one.
            throw Problem(message: "no channel of type `\(settings.kind.type)`")
        }
        return channel
    }

    /// 12 from "config.toml:12".
    static func line(of location: String) -> Int? {
        location.split(separator: ":").last.flatMap { Int($0) }
    }
}
