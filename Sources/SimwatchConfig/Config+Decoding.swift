import SimwatchCore
internal import SimwatchTOML

extension Config {
    /// Decodes configuration text, its `[line.provider]` tables by `sources` (SimwatchProviders'
    /// `ProviderCatalog.all`) and its `[channels.NAME]` by `channels` (SimwatchChannels' `ChannelCatalog.all`). Every
    /// problem is collected; the error lists them all with file, line and key.
    package static func parse(
        text: String,
        path: String,
        environment: [String: String],
        sources: [any ProviderDecoder.Family.Type],
        channels channelTypes: [any ChannelDecoder.Family.Type]
    ) throws(ConfigError) -> Config {
        let root: TOMLTable
        do {
            root = try TOMLTable(parsing: text)
        } catch {
            throw ConfigError([
                ConfigDiagnostic(
                    file: path,
                    line: error.line,
                    context: "",
                    message: "TOML syntax error: \(error.message) (column \(error.column))",
                    hint: "check quotes, brackets and `key = value` on that line"
                )
            ])
        }
        let sink = DiagnosticSink(file: path)
        let top = TableReader(table: root, path: "", context: "", sink: sink)
        top.finish(
            allowing: [
                "daemon", "rule", "line", "channels", "templates", "offer", "metrics", "groups", "inventory",
                "accounts",
            ]
        )

        let daemon = decodeDaemon(top.subtable("daemon", context: "[daemon]"), environment: environment)
        let metrics = MetricsDecoder.decode(top.subtable("metrics", context: "[metrics]"))
        let defaultRules = RuleDecoder.decodeAll(top.tables("rule"), header: "[[rule]]", label: "")
        let templates = ChannelDecoder.decodeTemplates(top.subtable("templates", context: "[templates]"))
        let (channels, broken) = ChannelDecoder.decodeAll(
            top.subtable("channels", context: "[channels]"),
            global: templates,
            families: channelTypes
        )

        let accounts = AccountDecoder.decodeAll(
            top.subtable("accounts", context: "[accounts]"),
            families: sources,
            zone: daemon.timeZone
        )
        let sharedOffers = OfferDecoder.decodeShared(top.tables("offer"))
        var lineSources = LineSources(
            configPath: path,
            environment: environment,
            daemon: daemon,
            defaultRules: defaultRules,
            channels: (channels, broken),
            sources: sources,
            sink: sink
        )
        let lineTables = top.tables("line")
        lineSources.accounts = accounts
        lineSources.addLineTables(lineTables)
        lineSources.addFragments(top.subtable("daemon", context: "[daemon]"))
        let groups = lineSources.decodeGroups(top.subtable("groups", context: "[groups]"))
        let inventories = top.tables("inventory")
        lineSources.addInventories(inventories, groups: groups)
        var lines = lineSources.lines
        // Lines may all come from an account's discovery.
        if lineTables.isEmpty, lines.isEmpty, inventories.isEmpty,
            !accounts.values.contains(where: { $0.discoverEvery != nil })
        {
            top.error(nil, "no [[line]] to watch", hint: "add a [[line]] table; see config/simwatch.example.toml")
        }
        let discovery = DiscoveryTemplate.decodeAll(
            accounts,
            daemon: daemon,
            defaultRules: defaultRules,
            channels: (channels, broken),
            sources: sources,
            sink: sink
        )
        OfferDecoder.attach(sharedOffers, to: &lines)
        Line.shareTerms(&lines)
        ChannelDecoder.checkRecipients(top, lines: lines, channels: channels)
        guard sink.items.isEmpty else { throw ConfigError(sink.items) }
        // Every line is checked above; a shard watches only its own.
        let watched = daemon.shard.map { shard in lines.filter { shard.owns($0.id) } } ?? lines
        var config = Config(path: path, daemon: daemon, lines: watched, channels: channels)
        config.configuredLines = lines.count
        config.metrics = metrics
        config.accounts = accounts.mapValues(\.account)
        config.discovery = discovery
        return config
    }

    private static func decodeDaemon(_ table: TableReader?, environment: [String: String]) -> DaemonSettings {
        var settings = DaemonSettings(timeZone: ZoneInfo.current(environment: environment))
        guard let table else { return settings }
        if let zone = table.parsed("time_zone", { (s) throws(UnitParseError) in try ZoneInfo(identifier: s) }) {
            settings.timeZone = zone
        }
        let zone = settings.timeZone
        settings.quietHours = table.parsed("quiet_hours") { (s) throws(UnitParseError) in
            try QuietHours(parsing: s, zone: zone)
        }
        if settings.quietHours?.isAllDay == true {
            table.error(
                "quiet_hours",
                "`quiet_hours` covers the whole day, so only critical reminders would ever be sent",
                hint: "give a night window such as \"22:00-08:00\", or remove the key"
            )
        }
        if let v = table.parsed("poll_interval", TimeSpan.init(parsing:)) {
            if v.seconds < 10 {
                table.error("poll_interval", "`poll_interval` = \(v) is too short", hint: "use 10s or more")
            }
            settings.pollInterval = v
        }
        if let v = table.parsed("poll_timeout", TimeSpan.init(parsing:)) { settings.pollTimeout = v }
        if let v = table.int("max_concurrent_polls", in: 1...64) { settings.maxConcurrentPolls = v }
        if let v = table.string("state_dir") { settings.stateDirectory = expandHome(v, environment: environment) }
        if let v = table.string("control_socket") {
            let path = expandHome(v, environment: environment)
            if !path.hasPrefix("/") {
                table.error(
                    "control_socket",
                    "`control_socket` must be an absolute path",
                    hint: "e.g. \"/run/user/1000/simwatch.sock\""
                )
            }
            settings.controlSocket = path
        }
        if let v = table.parsed("keep_raw_readings", TimeSpan.init(parsing:)) { settings.keepRawReadings = v }
        if let v = table.parsed("pace_window", TimeSpan.init(parsing:)) { settings.paceWindow = v }
        if let v = table.double("time_scale", in: 1...1_000_000) { settings.timeScale = v }
        if let v = table.language("language") { settings.language = v }
        if let v = table.parsed("shard", Shard.init(parsing:)) { settings.shard = v }
        if settings.paceWindow > settings.keepRawReadings {
            table.error(
                table.has("pace_window") ? "pace_window" : "keep_raw_readings",
                "`pace_window` (\(settings.paceWindow)) is longer than `keep_raw_readings` (\(settings.keepRawReadings))",
                hint: "the pace is computed from raw readings; keep them at least as long"
            )
        }
        table.finish(allowing: [
            "time_zone", "quiet_hours", "poll_interval", "poll_timeout", "max_concurrent_polls", "state_dir",
            "control_socket",
            "keep_raw_readings", "pace_window", "time_scale", "language", "shard", "include",
        ])
        return settings
    }

    static func expandHome(_ path: String, environment: [String: String]) -> String {
        guard path == "~" || path.hasPrefix("~/") else { return path }
        return (environment["HOME"] ?? "") + path.dropFirst()
    }
}
