import FoundationEssentials
import Glibc
import SimwatchControl
import SimwatchCtlKit
import SimwatchModel

extension CommonOptions {
    /// The environment variables simwatchctl reads, looked up one by one: building `ProcessInfo`'s dictionary
    /// of the whole environment cost more than `status`'s own formatting.
    static let environment: [String: String] = {
        var found: [String: String] = [:]
        for name in [
            "SIMWATCH_SOCKET", "XDG_RUNTIME_DIR", "NO_COLOR", "TERM", "TZ", "COLUMNS", "HOME", "XDG_CONFIG_HOME",
        ] {
            if let value = getenv(name) { found[name] = String(cString: value) }
        }
        return found
    }()

    /// --socket, else SIMWATCH_SOCKET, else the daemon's default path.
    var socketPath: String {
        if let socket { return socket }
        if let fromEnvironment = Self.environment["SIMWATCH_SOCKET"], !fromEnvironment.isEmpty {
            return fromEnvironment
        }
        return ControlSocket.defaultPath(environment: Self.environment)
    }

    /// How human output looks here and now: local zone, colour decision, terminal width (unbounded in a pipe).
    /// `now` is whole seconds, as the times sent to the daemon are.
    func viewContext(now: Date = Date()) -> ViewContext {
        let now = Date(timeIntervalSince1970: now.timeIntervalSince1970.rounded(.down))
        let style = TerminalStyle.decide(isTTY: Terminal.isTTY, environment: Self.environment, noColorFlag: noColor)
        return ViewContext(
            zone: ZoneInfo.current(environment: Self.environment),
            now: now,
            style: style,
            width: Terminal.width ?? .max
        )
    }

    /// The view context on the daemon's clock, as a reply's `now` gives it (under the demo's `time_scale` it runs
    /// faster than real time, so "in 3d" must be counted from it).
    func viewContext(daemonNow text: String?) -> ViewContext {
        guard let text, let date = try? Date(parsing: text, zone: .utc) else { return viewContext() }
        return viewContext(now: date)
    }

    /// The view context on the daemon's clock, asked for with GetStatus (for commands that turn "7d" or
    /// "monday" into times the daemon will compare with its own clock).
    func viewContext(session: DaemonSession) -> ViewContext {
        viewContext(daemonNow: try? session.call(GetStatus.self).0.now)
    }

    /// A connection to the daemon; a failure to connect becomes the matching `CtlFailure`.
    func connect(timeout: Double = 30) throws(CtlFailure) -> DaemonSession {
        try DaemonSession(socket: socketPath, timeout: timeout, json: json)
    }

    /// Prints a reply: with `--json` exactly as the daemon sent it, else the lines `view` words it in (not asked
    /// for with `--json`).
    func printReply(_ raw: JSONValue, _ view: () -> [String]) {
        if json {
            print(raw)
        } else {
            Terminal.print(view())
        }
    }

    /// Calls `method` with parameters that hold times typed on the command line ("7d", "monday") and prints the
    /// reply. `parameters` reads them twice: first on the local clock, so a typo never reaches the daemon; then
    /// on the daemon's clock (which runs faster under the demo's `time_scale`), which the call carries and the
    /// view counts from.
    func callWithTimes<M: ControlMethod>(
        _ method: M.Type,
        _ parameters: (ViewContext) throws(CtlFailure) -> M.Parameters,
        view: (M.Reply, ViewContext) -> [String]
    ) throws(CtlFailure) {
        _ = try parameters(viewContext())
        let session = try connect()
        let context = viewContext(session: session)
        let (reply, raw) = try session.call(M.self, try parameters(context))
        printReply(raw) { view(reply, context) }
    }

    /// `failure` with the first-start advice when simwatchd could not be reached on the default socket and the
    /// default configuration file does not exist: the user has not set simwatch up yet. Looked at only after a
    /// failure, so a working `status` pays nothing for it.
    func withFirstStartAdvice(_ failure: CtlFailure) -> CtlFailure {
        let environment = Self.environment
        guard socket == nil, (environment["SIMWATCH_SOCKET"] ?? "").isEmpty, failure.daemonUnreachable else {
            return failure
        }
        let path = FirstStartAdvice.defaultConfigPath(environment: environment)
        return failure.addingFirstStartAdvice(
            configPath: path,
            configMissing: FirstStartAdvice.isMissing(path),
            example: FirstStartAdvice.installedExample(),
            home: environment["HOME"]
        )
    }
}
