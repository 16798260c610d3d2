internal import CEventLoop

/// The process's one event loop (an epoll loop in CEventLoop): work, timers and descriptor watches all run on its
/// thread, one at a time. simwatchd runs it on its main thread as Swift concurrency's executor (`LoopExecutor`), so
/// the daemon is one thread that sleeps until something is due; elsewhere (the tests) it starts on a thread of its own
/// at first use.
public enum EventLoop {
    /// Whether the caller runs on the loop's thread.
    public static var isCurrent: Bool { sw_loop_is_current() }

    /// Runs `body` on the loop's thread after the work already queued (`urgent`: before the work that is not
    /// urgent). Any thread.
    public static func execute(urgent: Bool = false, _ body: @escaping @Sendable () -> Void) {
        sw_loop_execute_urgent(runWork, Unmanaged.passRetained(Work(body)).toOpaque(), urgent)
    }

    /// Runs `body` on the loop's thread: at once when already there, else queued.
    public static func run(_ body: @escaping @Sendable () -> Void) {
        if isCurrent { body() } else { execute(body) }
    }

    /// CLOCK_MONOTONIC, in nanoseconds: the clock the loop's timers run on.
    public static var uptimeNanoseconds: UInt64 { sw_loop_now() }

    /// Nanoseconds for `seconds` of waiting, clamped to [0, one year]: deadlines come from configuration and the
    /// environment, and must neither trap on conversion nor wrap the clock.
    static func nanoseconds(_ seconds: Double) -> UInt64 {
        guard seconds.isFinite else { return seconds > 0 ? year : 0 }
        return UInt64(min(max(seconds, 0), Double(year / 1_000_000_000)) * 1_000_000_000)
    }

    /// The uptime (`uptimeNanoseconds`) `seconds` from now, clamped like every wait on the loop.
    public static func deadline(after seconds: Double) -> UInt64 {
        sw_loop_now() &+ nanoseconds(seconds)
    }

    private static let year: UInt64 = 366 * 86_400 * 1_000_000_000
}

/// A closure passed through C as one retained pointer.
final class Work: Sendable {
    let body: @Sendable () -> Void
    init(_ body: @escaping @Sendable () -> Void) { self.body = body }
}

private func runWork(_ raw: UnsafeMutableRawPointer?) {
    guard let raw else { return }
    Unmanaged<Work>.fromOpaque(raw).takeRetainedValue().body()
}
