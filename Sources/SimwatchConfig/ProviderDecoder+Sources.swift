import SimwatchCore
internal import SimwatchTOML

extension ProviderDecoder {
    static func decodeCounters(_ table: TableReader) -> ProviderSettings? {
        let interfaces = table.stringList("interfaces") ?? []
        if interfaces.isEmpty, !table.has("interfaces") {
            table.error(nil, "missing `interfaces`", hint: "e.g. interfaces = [\"wwan0\"]")
        }
        for name in interfaces where name.isEmpty || name.contains("/") || name == "." || name == ".." {
            table.error("interfaces", "`\(name)` is not an interface name", hint: "as `ip link` lists it, e.g. wwan0")
        }
        var settings = CounterProviderSettings(interfaces: interfaces)
        if let raw = table.choice("direction", CounterProviderSettings.Direction.allCases.map(\.rawValue)),
            let direction = CounterProviderSettings.Direction(rawValue: raw)
        {
            settings.direction = direction
        }
        if let root = table.string("sysfs_root") { settings.sysfsRoot = root }
        if let path = table.string("boot_id_path") { settings.bootIDPath = path }
        if let rate = table.parsed("max_rate", ByteCount.init(parsing:)) {
            if rate.bytes <= 0 { table.error("max_rate", "`max_rate` (bytes per second) must be more than zero") }
            settings.maxRate = rate
        }
        table.finish(allowing: ["type", "interfaces", "direction", "sysfs_root", "boot_id_path", "max_rate"])
        return interfaces.isEmpty ? nil : .counters(settings)
    }

    static func decodeAiralo(_ table: TableReader) -> ProviderSettings? {
        let iccid = table.iccid(required: true)
        let clientID = table.required("client_id", hint: "the client id of your Airalo Partner API credentials")
        let secret = table.secret(required: true, what: "Airalo client secret")
        let baseURL = table.baseURL("base_url", default: AiraloProviderSettings.defaultBaseURL)
        let zone = table.zone("time_zone", default: .utc)
        let timeout = table.timeout(default: TimeSpan(seconds: 30))
        table.finish(allowing: [
            "type", "iccid", "client_id", "secret_file", "credential", "base_url", "time_zone", "timeout",
        ])
        guard let iccid, let clientID, let secret else { return nil }
        return .airalo(
            AiraloProviderSettings(
                iccid: iccid,
                clientID: clientID,
                secret: secret,
                baseURL: baseURL,
                timeZone: zone,
                timeout: timeout
            )
        )
    }

    static func decodeOneNCE(_ table: TableReader) -> ProviderSettings? {
        let iccid = table.iccid(required: true)
        let username = table.required("username", hint: "the 1NCE API user (its password is the secret)")
        let secret = table.secret(required: true, what: "1NCE API password")
        let baseURL = table.baseURL("base_url", default: OneNCEProviderSettings.defaultBaseURL)
        let timeout = table.timeout(default: TimeSpan(seconds: 30))
        table.finish(allowing: ["type", "iccid", "username", "secret_file", "credential", "base_url", "timeout"])
        guard let iccid, let username, let secret else { return nil }
        return .oneNCE(
            OneNCEProviderSettings(iccid: iccid, username: username, secret: secret, baseURL: baseURL, timeout: timeout)
        )
    }

    static func decodeExec(_ table: TableReader) -> ProviderSettings? {
        var command: [String] = []
        if let value = table.table["command"] {
            if value.string != nil {
                table.error(
                    "command",
                    "`command` must be a list (argv), not a string: it runs without a shell",
                    hint: "write command = [\"/usr/local/bin/my-plan\", \"--json\"]"
                )
            } else {
                command = table.stringList("command") ?? []
                if command.isEmpty || command[0].isEmpty {
                    table.error("command", "`command` needs at least the program", hint: "an absolute path is best")
                }
            }
        } else {
            table.error(nil, "missing `command`", hint: "command = [\"/usr/local/bin/my-plan\", \"--json\"]")
        }
        var settings = ExecProviderSettings(command: command)
        settings.timeout = table.timeout(default: TimeSpan(seconds: 30))
        settings.secret = table.secret(required: false, what: "script's secret")
        if let raw = table.choice("secret_via", ExecProviderSettings.SecretDelivery.allCases.map(\.rawValue)),
            let via = ExecProviderSettings.SecretDelivery(rawValue: raw)
        {
            if settings.secret == nil {
                table.error("secret_via", "`secret_via` needs `secret_file` or `credential`")
            }
            settings.secretDelivery = via
        }
        settings.environment = table.stringTable("env") ?? [:]
        for name in settings.environment.keys where name.isEmpty || name.contains("=") {
            table.error("env", "`\(name)` is not an environment variable name")
        }
        table.finish(allowing: ["type", "command", "timeout", "secret_file", "credential", "secret_via", "env"])
        return command.isEmpty || command[0].isEmpty ? nil : .exec(settings)
    }

    static func decodeManual(_ table: TableReader) -> ProviderSettings? {
        let estimate = table.bool("estimate") ?? true
        table.finish(allowing: ["type", "estimate"])
        return .manual(ManualProviderSettings(estimate: estimate))
    }
}
