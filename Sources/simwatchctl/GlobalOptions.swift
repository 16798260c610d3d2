import ArgumentParser
import SimwatchControl
import SimwatchCtlKit

/// The options every command takes, as the argument parser reads them: where the daemon is, and how to print.
/// What they do is `CommonOptions`'s (shared with the `status` shortcut, which skips the parser).
struct GlobalOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The control socket (default: $SIMWATCH_SOCKET, else $XDG_RUNTIME_DIR/simwatch/control.sock).",
            valueName: "path"
        )
    )
    var socket: String?

    @Flag(name: .long, help: "Print the daemon's reply as JSON, exactly as it was sent (one object per line).")
    var json = false

    @Flag(name: .long, help: "No colours, even on a terminal (NO_COLOR=1 does the same).")
    var noColor = false

    /// The same options as plain values.
    var common: CommonOptions { CommonOptions(socket: socket, json: json, noColor: noColor) }

    /// --socket, else SIMWATCH_SOCKET, else the daemon's default path.
    var socketPath: String { common.socketPath }

    /// How human output looks here and now (see `CommonOptions.viewContext(now:)`).
    func viewContext() -> ViewContext { common.viewContext() }

    /// The view context on the daemon's clock (see `CommonOptions.viewContext(daemonNow:)`).
    func viewContext(daemonNow text: String?) -> ViewContext { common.viewContext(daemonNow: text) }

    /// The view context on the daemon's clock, asked for with GetStatus (see `CommonOptions.viewContext(session:)`).
    func viewContext(session: DaemonSession) -> ViewContext { common.viewContext(session: session) }

    /// A connection to the daemon; a failure to connect becomes the matching `CtlFailure`.
    func connect(timeout: Double = 30) throws(CtlFailure) -> DaemonSession {
        try common.connect(timeout: timeout)
    }

    /// Prints a reply as sent with `--json`, else as `view` words it (see `CommonOptions.printReply`).
    func printReply(_ raw: JSONValue, _ view: () -> [String]) { common.printReply(raw, view) }

    /// Calls `method` with times read on the local clock, then the daemon's (see `CommonOptions.callWithTimes`).
    func callWithTimes<M: ControlMethod>(
        _ method: M.Type,
        _ parameters: (ViewContext) throws(CtlFailure) -> M.Parameters,
        view: (M.Reply, ViewContext) -> [String]
    ) throws(CtlFailure) {
        try common.callWithTimes(method, parameters, view: view)
    }
}
