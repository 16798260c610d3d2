import Glibc
public import SimwatchControl
public import SimwatchModel

/// Why a command stopped: a message for stderr (one line, or a heading and indented details) and the exit status.
public struct CtlFailure: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    public var status: ExitStatus
    /// No answer came from a working simwatchd (not running, refused, closed, timed out): the failures after which
    /// `status` looks for the reason a first start gives (no configuration file).
    public var daemonUnreachable = false

    /// A failure with this message and status.
    public init(_ message: String, status: ExitStatus = .error) {
        self.message = message
        self.status = status
    }

    /// The message.
    public var description: String { message }

    /// The daemon is not there: exit status 3, with how to start it.
    public static func notRunning(socket: String) -> CtlFailure {
        CtlFailure(
            "simwatchd is not running (no socket at \(socket)). Start it with: systemctl --user start simwatch",
            status: .notRunning
        )
    }

    /// A transport failure in words: not running (3) when nothing listens on `socket`, else 2.
    public static func transport(_ error: VarlinkTransportError, socket: String) -> CtlFailure {
        var failure = transportInWords(error, socket: socket)
        failure.daemonUnreachable = true
        return failure
    }

    private static func transportInWords(_ error: VarlinkTransportError, socket: String) -> CtlFailure {
        if error.isNotRunning { return notRunning(socket: socket) }
        switch error.code {
        case .io where error.errno == EACCES || error.errno == EPERM:
            return CtlFailure("cannot connect to \(socket): permission denied (is it another user's simwatchd?)")
        case .io where error.errno == ENOTDIR || error.errno == ENAMETOOLONG:
            return CtlFailure("cannot connect to \(socket): \(String(cString: strerror(error.errno)))")
        case .timeout:
            return CtlFailure("simwatchd did not answer in time (\(socket))")
        case .closed:
            return CtlFailure("simwatchd closed the connection before replying (\(socket)); is it stopping?")
        case .malformed, .tooLarge:
            return CtlFailure("unexpected reply from simwatchd: \(error)")
        default:
            return CtlFailure("cannot talk to simwatchd at \(socket): \(error)")
        }
    }

    /// This failure followed by the first-start advice (`FirstStartAdvice.lines`) when simwatchd could not be
    /// reached and the configuration file at `configPath` does not exist; else the failure as it is.
    public func addingFirstStartAdvice(
        configPath: String,
        configMissing: Bool,
        example: String?,
        home: String?
    )
        -> CtlFailure
    {
        guard daemonUnreachable, configMissing else { return self }
        var failure = self
        let advice = FirstStartAdvice.lines(configPath: configPath, example: example, home: home)
        failure.message += "\n" + advice.joined(separator: "\n")
        return failure
    }

    /// A command-line value that could not be read: "--until: 'someday' is not a time (hint: ...)".
    public static func badValue(_ option: String, _ error: UnitParseError) -> CtlFailure {
        CtlFailure("\(option): \(error)")
    }

    /// An error reply, in words; `knownLines` (when the caller could list them) completes NoSuchLine.
    public static func reply(_ error: ControlError, knownLines: [String]? = nil) -> CtlFailure {
        let fields = error.parameters
        func text(_ key: String) -> String { fields[key]?.stringValue ?? "?" }
        func list(_ key: String) -> [String] {
            guard case .array(let values)? = fields[key] else { return [] }
            return values.compactMap(\.stringValue)
        }
        let short = error.name.split(separator: ".").last.map(String.init) ?? error.name
        let local = error.name.hasPrefix(ControlInterface.name + ".")
        switch (local, short) {
        case (true, "NoSuchLine"):
            var message = "no line `\(text("line"))`"
            if let knownLines {
                message +=
                    knownLines.isEmpty
                    ? "; no lines are configured" : "; known lines: " + knownLines.joined(separator: ", ")
            }
            return CtlFailure(message)
        case (true, "NoSuchRule"):
            return CtlFailure(
                "line `\(text("line"))` has no rule `\(text("rule"))`; `simwatchctl show \(text("line"))` lists its rules"
            )
        case (true, "NoSuchChannel"):
            let known = list("known")
            return CtlFailure(
                "no channel `\(text("channel"))`"
                    + (known.isEmpty ? "" : "; known channels: " + known.joined(separator: ", "))
            )
        case (true, "InvalidArgument"):
            return CtlFailure("\(option(for: text("parameter"))): \(text("reason"))")
        case (true, "ConfigInvalid"):
            let errors = list("errors")
            let heading =
                "the configuration has \(ViewContext.count(errors.count, "problem")); simwatchd keeps running the previous one:"
            return CtlFailure(([heading] + errors.map { "  " + $0 }).joined(separator: "\n"), status: .attention)
        case (true, "DeliveryFailed"):
            return CtlFailure("delivery through `\(text("channel"))` failed: \(text("reason"))", status: .attention)
        case (true, "ShuttingDown"):
            return CtlFailure("simwatchd is shutting down; try again once it has restarted", status: .notRunning)
        case (false, "MethodNotFound"), (false, "InterfaceNotFound"), (false, "MethodNotImplemented"):
            return CtlFailure(
                "simwatchd does not know \(fields["method"]?.stringValue ?? fields["interface"]?.stringValue ?? "this call")"
                    + "; it may be older than simwatchctl \(SimwatchVersion.current) (see `simwatchctl version`)"
            )
        case (false, "InvalidParameter"):
            return CtlFailure(
                "simwatchd refused parameter `\(text("parameter"))`; are simwatchctl and simwatchd the same version?"
            )
        case (false, "PermissionDenied"):
            return CtlFailure("simwatchd refused the connection: the socket belongs to another user")
        default:
            return CtlFailure("simwatchd replied with an error: \(error)")
        }
    }

    /// The option a parameter of the interface comes from: "until" → "--until", "data_bytes" → "--data".
    public static func option(for parameter: String) -> String {
        let options = [
            "remaining_bytes": "--remaining", "used_bytes": "--used", "total_bytes": "--total",
            "expires_at": "--expires", "credit": "--credit", "data_bytes": "--data", "valid_seconds": "--valid",
            "until": "--until", "since": "--since", "max_points": "--points",
        ]
        return options[parameter] ?? parameter
    }
}
