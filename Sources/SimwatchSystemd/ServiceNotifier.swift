internal import CSystemd
import Glibc

/// Talks to the service manager through `sd_notify`: readiness, status, watchdog keep-alives, reload and stop.
/// Without `NOTIFY_SOCKET` every call is a cheap no-op, so the same code runs in a terminal.
public struct ServiceNotifier: Sendable {
    public init() {}

    /// True when a service manager is listening.
    public var isActive: Bool { getenv("NOTIFY_SOCKET") != nil }

    /// Sends newline-separated `KEY=VALUE` assignments. Returns false when nothing listens or sending failed.
    @discardableResult
    public func notify(_ assignments: String) -> Bool {
        sd_notify(0, assignments) > 0
    }

    public func ready(status: String) { notify("READY=1\nSTATUS=\(Self.clean(status))") }
    public func status(_ text: String) { notify("STATUS=\(Self.clean(text))") }
    public func watchdog() { notify("WATCHDOG=1") }
    public func stopping() { notify("STOPPING=1") }

    /// `RELOADING=1` with the monotonic timestamp systemd 253+ requires (older managers ignore it).
    public func reloading() {
        notify("RELOADING=1\nMONOTONIC_USEC=\(Self.monotonicMicroseconds())")
    }

    /// Half the watchdog period when the manager asked for keep-alives from this process (`WATCHDOG_USEC` set and
    /// `WATCHDOG_PID` unset or ours), in seconds; nil otherwise.
    public func watchdogPingInterval() -> Double? {
        var usec: UInt64 = 0
        guard sd_watchdog_enabled(0, &usec) > 0, usec > 0 else { return nil }
        return Double(usec) / 2_000_000
    }

    static func monotonicMicroseconds() -> UInt64 {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return UInt64(ts.tv_sec) * 1_000_000 + UInt64(ts.tv_nsec) / 1_000
    }

    private static func clean(_ s: String) -> String {
        String(s.map { $0 == "\n" || $0 == "\r" ? " " : $0 })
    }
}
