public import ArgumentParser
import Glibc
public import Logging
import SimwatchChannels
import SimwatchConfig
import SimwatchControl
import SimwatchCore
import SimwatchDaemon
import SimwatchProviders
import SimwatchSystemd

struct SimwatchdCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simwatchd",
        abstract: "Watch prepaid SIM and eSIM plans and remind before data or validity runs out.",
        discussion: """
            Polls each configured line, keeps readings and alert state in SQLite, and sends reminders to the \
            journal. Runs as a systemd user service (Type=notify): SIGHUP reloads the configuration, SIGTERM stops.

            Exit status: 0 stopped cleanly, 1 --check-config found problems, 66 the configuration file does not \
            exist (a first start: the journal says where to copy the example from), 69 another simwatchd already \
            serves the control socket, 73 the state database or the control socket cannot be created, 78 the \
            configuration is invalid.
            """,
        version: SimwatchVersion.current
    )

    @Option(name: .long, help: ArgumentHelp("Configuration file.", valueName: "file"))
    var config: String?

    @Option(name: .long, help: ArgumentHelp("State directory (overrides daemon.state_dir).", valueName: "dir"))
    var stateDir: String?

    @Option(name: .long, help: ArgumentHelp("Control socket (overrides daemon.control_socket).", valueName: "path"))
    var socket: String?

    @Flag(name: .long, help: "Also print reminders and log lines to stderr.")
    var foreground = false

    @Flag(name: .long, help: "Validate the configuration, print a summary and exit 0 (valid) or 1.")
    var checkConfig = false

    @Flag(name: .long, help: "With --check-config: print the result as one JSON object.")
    var json = false

    @Option(
        name: .long,
        help: ArgumentHelp("trace, debug, info, notice, warning, error or critical.", valueName: "level")
    )
    var logLevel: Logger.Level = .info

    func run() async throws {
        // A reload signal before the daemon handles signals must not end it (SIGHUP's default action).
        signal(SIGHUP, SIG_IGN)
        let environment = Self.environment()
        let path = Self.absolute(config ?? Config.defaultPath(environment: environment))
        if checkConfig {
            throw ExitCode(
                json
                    ? Self.checkJSON(path: path, environment: environment)
                    : ConfigCheck.run(
                        path: path,
                        environment: environment,
                        sources: ProviderCatalog.all,
                        channels: ChannelCatalog.all
                    )
            )
        }
        let level = logLevel
        let foreground = foreground
        LoggingSystem.bootstrap { _ in
            var handlers: [any LogHandler] = []
            let journal = Journal().isReachable
            if journal { handlers.append(JournalLogHandler(identifier: "simwatchd")) }
            if (foreground || !journal) && !Journal.stderrIsJournal { handlers.append(ConsoleLogHandler()) }
            var handler = MultiplexLogHandler(handlers)
            handler.logLevel = level
            return handler
        }
        let logger = Logger(label: "simwatchd")
        let options = DaemonOptions(
            configPath: path,
            stateDirectory: stateDir,
            foreground: foreground,
            logLevel: level.rawValue,
            controlSocket: socket
        )
        let status = await Daemon(options: options, environment: environment).run(logger: logger)
        if status != 0 { throw ExitCode(status) }
    }

    /// `--check-config --json`: {"path", "ok": true, "lines": [{"id", "name", "provider", "rules"}]} and 0, or
    /// {"path", "ok": false, "problems": [...]} and 1.
    static func checkJSON(path: String, environment: [String: String]) -> Int32 {
        do {
            let config = try Config.load(
                path: path,
                environment: environment,
                sources: ProviderCatalog.all,
                channels: ChannelCatalog.all
            )
            let lines = config.lines.map { line -> JSONValue in
                .object([
                    "id": .string(line.id), "name": .string(line.name), "provider": .string(line.provider.type),
                    "rules": .array(line.rules.map { .string($0.id) }),
                ])
            }
            print(JSONValue.object(["path": .string(path), "ok": .bool(true), "lines": .array(lines)]))
            return 0
        } catch {
            let problems = error.diagnostics.map { JSONValue.string($0.description) }
            print(JSONValue.object(["path": .string(path), "ok": .bool(false), "problems": .array(problems)]))
            return 1
        }
    }

    /// The path made absolute, so status and logs name the file unambiguously whatever the working directory.
    static func absolute(_ path: String) -> String {
        guard !path.hasPrefix("/"), let cwd = getcwd(nil, 0) else { return path }
        defer { free(cwd) }
        return String(cString: cwd) + "/" + path
    }

    static func environment() -> [String: String] {
        var out: [String: String] = [:]
        var p = environ
        while let entry = p.pointee {
            let s = String(cString: entry)
            if let eq = s.firstIndex(of: "=") { out[String(s[..<eq])] = String(s[s.index(after: eq)...]) }
            p += 1
        }
        return out
    }
}

extension Logger.Level: @retroactive ExpressibleByArgument {}
