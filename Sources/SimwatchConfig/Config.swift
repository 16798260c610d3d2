import FoundationEssentials
public import SimwatchCore

/// The daemon's whole configuration, decoded once from TOML into typed, validated values.
public struct Config: Sendable {
    /// The file it came from (for messages and `status`).
    public var path: String
    public var daemon: DaemonSettings
    public var lines: [Line]
    /// `[channels.NAME]`, by name; the journal is built in and not among them.
    public var channels: [ChannelSettings]
    /// `[metrics]`: off unless set.
    public var metrics = MetricsSettings()
    /// `[accounts.NAME]`, by name: provider accounts shared by lines, each with its rate limit.
    public var accounts: [String: ProviderAccount] = [:]
    /// Accounts with `discover = true`, by name: how often their SIMs are listed and what their lines are like.
    public var discovery: [String: DiscoveryTemplate] = [:]
    /// Lines in the configuration, of every shard (`lines` holds this daemon's shard only).
    public var configuredLines = 0

    public init(path: String, daemon: DaemonSettings, lines: [Line], channels: [ChannelSettings] = []) {
        self.path = path
        self.daemon = daemon
        self.lines = lines
        self.channels = channels
    }

    /// The channel every line has, always on.
    public static let builtInChannels = ["journal"]

    /// `$XDG_CONFIG_HOME/simwatch/config.toml`, else `~/.config/simwatch/config.toml`.
    public static func defaultPath(environment: [String: String]) -> String {
        if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") { return xdg + "/simwatch/config.toml" }
        return (environment["HOME"] ?? "/") + "/.config/simwatch/config.toml"
    }

    /// Reads and decodes the file at `path`, its `[line.provider]` tables by `sources` (SimwatchProviders'
    /// `ProviderCatalog.all`) and its `[channels.NAME]` by `channels` (SimwatchChannels' `ChannelCatalog.all`).
    package static func load(
        path: String,
        environment: [String: String],
        sources: [any ProviderDecoder.Family.Type],
        channels: [any ChannelDecoder.Family.Type]
    ) throws(ConfigError) -> Config {
        let text: String
        do {
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            text = String(decoding: data, as: UTF8.self)
        } catch {
            throw ConfigError([
                ConfigDiagnostic(
                    file: path,
                    line: nil,
                    context: "",
                    message: "cannot read the configuration",
                    hint: "create it, e.g. from config/simwatch.example.toml, or pass --config FILE"
                )
            ])
        }
        return try parse(text: text, path: path, environment: environment, sources: sources, channels: channels)
    }
}

/// `[daemon]`: settings of the daemon itself.
public struct DaemonSettings: Sendable {
    /// Zone for quiet hours, monthly cycles, zone-less dates and how times are shown.
    public var timeZone: ZoneInfo
    public var quietHours: QuietHours?
    /// Default poll interval of lines that set none.
    public var pollInterval: TimeSpan
    public var maxConcurrentPolls: Int
    /// How long one poll may take before it counts as failed.
    public var pollTimeout: TimeSpan
    /// Where state.db lives; nil means `$XDG_STATE_HOME/simwatch`.
    public var stateDirectory: String?
    /// Raw readings are kept this long, then downsampled to hourly (and after 90 days to daily) figures.
    public var keepRawReadings: TimeSpan
    /// Recent history the pace is computed from.
    public var paceWindow: TimeSpan
    /// Simulated seconds per real second, for demos and tests; 1 in real use.
    public var timeScale: Double
    /// The control socket; nil means `$XDG_RUNTIME_DIR/simwatch/control.sock`.
    public var controlSocket: String?
    /// The language of reminders (`en`, `fr`, `zh`) for readers who set none, the journal and the history.
    public var language: Language
    /// `shard = "K/N"`: watch only the lines of shard K of N (the configuration's other lines are checked, not
    /// watched).
    public var shard: Shard?

    public init(
        timeZone: ZoneInfo,
        quietHours: QuietHours? = nil,
        pollInterval: TimeSpan = .minutes(15),
        maxConcurrentPolls: Int = 4,
        pollTimeout: TimeSpan = .minutes(1),
        stateDirectory: String? = nil,
        keepRawReadings: TimeSpan = .days(14),
        paceWindow: TimeSpan = .days(2),
        timeScale: Double = 1,
        controlSocket: String? = nil,
        language: Language = .en
    ) {
        self.timeZone = timeZone
        self.quietHours = quietHours
        self.pollInterval = pollInterval
        self.maxConcurrentPolls = maxConcurrentPolls
        self.pollTimeout = pollTimeout
        self.stateDirectory = stateDirectory
        self.keepRawReadings = keepRawReadings
        self.paceWindow = paceWindow
        self.timeScale = timeScale
        self.controlSocket = controlSocket
        self.language = language
    }

    /// The state directory: configured, else `$XDG_STATE_HOME/simwatch`, else `~/.local/state/simwatch`.
    public func resolvedStateDirectory(environment: [String: String]) -> String {
        if let stateDirectory { return stateDirectory }
        if let xdg = environment["XDG_STATE_HOME"], xdg.hasPrefix("/") { return xdg + "/simwatch" }
        return (environment["HOME"] ?? "/") + "/.local/state/simwatch"
    }
}
