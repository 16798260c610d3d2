import SimwatchCore

/// Everything that can wake the run loop. Timers and signals on the event loop feed one `AsyncStream`, so the run
/// loop handles one thing at a time and the watchdog proves that the loop itself is alive.
enum DaemonEvent: Sendable {
    case tick
    case rearm
    case watchdog
    case reload
    /// A reload asked for over the control socket; the answer goes back to the caller.
    case reloadRequest(@Sendable (Result<Int, ConfigError>) -> Void)
    case stop(signal: Int32)
}
