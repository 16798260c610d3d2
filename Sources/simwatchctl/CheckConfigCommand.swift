import ArgumentParser
import FoundationEssentials
import SimwatchControl
import SimwatchCore
import SimwatchCtlKit

struct CheckConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-config",
        abstract: "Check a configuration file without the daemon.",
        discussion: """
            The same checks simwatchd makes at start and on reload (it is `simwatchd --check-config`): a summary \
            on stdout and exit 0, or every problem with its line on stderr and exit 1. The default file is \
            simwatchd's: $XDG_CONFIG_HOME/simwatch/config.toml, else ~/.config/simwatch/config.toml.

            With --json: {"path": ..., "ok": true, "lines": [{"id", "name", "provider", "rules"}]} or \
            {"path": ..., "ok": false, "problems": [...]}.

            Examples:
              simwatchctl check-config
              simwatchctl check-config ~/new-config.toml && cp ~/new-config.toml ~/.config/simwatch/config.toml
            """
    )

    @Argument(help: ArgumentHelp("The file (default: simwatchd's).", valueName: "file"))
    var file: String?

    @OptionGroup var options: GlobalOptions

    func run() throws {
        let environment = options.environment
        let path = file ?? Config.defaultPath(environment: environment)
        guard options.json else {
            try finish(ConfigCheck.run(path: path, environment: environment) == 0 ? .ok : .attention)
            return
        }
        do {
            let config = try Config.load(path: path, environment: environment)
            let lines = config.lines.map { line -> JSONValue in
                .object([
                    "id": .string(line.id), "name": .string(line.name), "provider": .string(line.provider.type),
                    "rules": .array(line.rules.map { .string($0.id) }),
                ])
            }
            print(JSONValue.object(["path": .string(path), "ok": .bool(true), "lines": .array(lines)]))
        } catch {
            let problems = error.diagnostics.map { JSONValue.string($0.description) }
            print(JSONValue.object(["path": .string(path), "ok": .bool(false), "problems": .array(problems)]))
            try finish(.attention)
        }
    }
}
