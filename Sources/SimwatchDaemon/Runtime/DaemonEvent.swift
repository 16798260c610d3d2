import Dispatch
import Glibc
import SimwatchCore

/// Everything that can wake the run loop. Dispatch sources at the edges feed one `AsyncStream`, so the loop
/// handles one thing at a time and the watchdog proves that the loop itself is alive.
enum DaemonEvent: Sendable {
    case tick
    case rearm
    case watchdog
    case reload
    /// A reload asked for over the control socket; the answer goes back to the caller.
    case reloadRequest(@Sendable (Result<Int, ConfigError>) -> Void)
    case stop(signal: Int32)
}

/// A one-shot `DispatchSourceTimer` re-armed for the earliest due time after every turn of the loop.
final class WakeTimer: @unchecked Sendable {
    // DispatchSource is thread-safe; schedule() may be called from any thread.
    private let source: any DispatchSourceTimer

    init(queue: DispatchQueue, fire: @escaping @Sendable () -> Void) {
        source = DispatchSource.makeTimerSource(queue: queue)
        source.setEventHandler(handler: fire)
        source.schedule(deadline: .distantFuture)
        source.activate()
    }

    /// Fires once after `seconds` (real time).
    func arm(after seconds: Double) {
        let clamped = min(max(seconds, 0), 86_400)
        source.schedule(deadline: .now() + clamped, repeating: .never, leeway: .milliseconds(20))
    }

    /// Fires every `seconds` (the watchdog keep-alive), clamped like `arm`: `WATCHDOG_USEC` comes from the
    /// environment, and a period of 10¹³ s would overflow Dispatch's nanoseconds.
    func repeating(every seconds: Double) {
        let clamped = min(max(seconds, 0.001), 86_400)
        source.schedule(deadline: .now() + clamped, repeating: clamped, leeway: .milliseconds(50))
    }

    func cancel() { source.cancel() }
}

/// Unix signals as events: the default action is turned off and a `DispatchSourceSignal` reports each one.
final class SignalEvents: @unchecked Sendable {
    private var sources: [any DispatchSourceSignal] = []

    init(_ signals: [Int32], queue: DispatchQueue, handler: @escaping @Sendable (Int32) -> Void) {
        for sig in signals {
            signal(sig, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: sig, queue: queue)
            source.setEventHandler { handler(sig) }
            source.activate()
            sources.append(source)
        }
    }

    func cancel() {
        for source in sources { source.cancel() }
    }
}
