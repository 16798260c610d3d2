/// How `simwatchd` was started.
public struct DaemonOptions: Sendable {
    public var configPath: String
    /// Overrides `daemon.state_dir`.
    public var stateDirectory: String?
    /// Also print reminders and log lines to stderr (the terminal, `make demo`).
    public var foreground: Bool
    public var logLevel: String
    /// Overrides `daemon.control_socket`.
    public var controlSocket: String?

    public init(
        configPath: String,
        stateDirectory: String?,
        foreground: Bool,
        logLevel: String,
        controlSocket: String? = nil
    ) {
        self.configPath = configPath
        self.stateDirectory = stateDirectory
        self.foreground = foreground
        self.logLevel = logLevel
        self.controlSocket = controlSocket
    }
}

/// Exit statuses of `simwatchd` (sysexits.h where one fits).
public enum DaemonExit {
    public static let ok: Int32 = 0
    /// The state database or directory could not be opened.
    public static let cannotCreate: Int32 = 73
    /// The configuration is invalid (`RestartPreventExitStatus=78` in the unit: restarting would not help).
    public static let config: Int32 = 78
    /// Another simwatchd already serves the control socket.
    public static let unavailable: Int32 = 69
}
