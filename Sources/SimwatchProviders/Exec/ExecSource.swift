import SimwatchConfig
import SimwatchCore
internal import SimwatchTOML

/// `type = "exec"`: a command run without a shell that prints one reading as JSON.
enum ExecSource: ProviderSource {
    static func decode(_ table: TableReader, line: ProviderDecoder.LineContext) -> ExecProviderSettings? {
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
        return command.isEmpty || command[0].isEmpty ? nil : settings
    }

    static func makeProvider(_ settings: ExecProviderSettings, context: ProviderContext) -> any UsageProvider {
        ExecProvider(settings: settings, secrets: context.secrets, logger: context.logger)
    }
}
