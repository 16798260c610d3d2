/// simwatchctl's exit statuses, the same for every command.
public enum ExitStatus: Int32, Sendable, CaseIterable {
    /// Done, and nothing needs attention.
    case ok = 0
    /// Done, and something needs attention: an alert is firing (`status`), the configuration was refused
    /// (`reload`, `check-config`), a poll failed (`poll`), a test notification failed (`test-notify`).
    case attention = 1
    /// A usage error, an error reply from the daemon, or a broken connection.
    case error = 2
    /// simwatchd is not running: no socket, nobody listening, or shutting down.
    case notRunning = 3
}
