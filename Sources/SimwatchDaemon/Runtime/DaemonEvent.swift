import SimwatchConfig
import SimwatchCore

/// Everything that can wake the run loop. Signals, the watchdog and status timers, and the services' events feed one
/// `AsyncStream`, so the run loop handles one thing at a time and the watchdog proves that the loop itself is alive.
enum DaemonEvent: Sendable {
    /// Something happened (a reading, a delivery), or half a minute passed: the status line may have changed.
    case status
    case watchdog
    case reload
    /// A reload asked for over the control socket; the answer goes back to the caller.
    case reloadRequest(@Sendable (Result<Int, ConfigError>) -> Void)
    case stop(signal: Int32)
}
