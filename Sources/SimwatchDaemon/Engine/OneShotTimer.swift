import Dispatch

/// Calls `fire` once, `seconds` from now, unless cancelled first: the deadline of a poll or a delivery attempt.
///
/// Not `Task.sleep`: a cancelled sleep leaves its Dispatch timer behind, waking the process every second until the
/// sleep's original deadline (measured: a cancelled 60 s sleep re-armed the timer 5 times in 5 s). With polls and
/// deliveries finishing long before their timeouts, that was most of an idle daemon's wake-ups. `cancel()` here
/// removes the timer for good.
final class OneShotTimer: @unchecked Sendable {
    // DispatchSource is thread-safe; the source is set once in init.
    private let source: any DispatchSourceTimer
    private static let queue = DispatchQueue(label: "simwatch.deadlines")

    init(after seconds: Double, fire: @escaping @Sendable () -> Void) {
        source = DispatchSource.makeTimerSource(queue: Self.queue)
        source.setEventHandler(handler: fire)
        // Clamped: a deadline from the configuration must not overflow Dispatch's nanoseconds.
        let delay = seconds.isFinite ? min(max(seconds, 0.001), 366 * 86_400) : 366 * 86_400
        source.schedule(deadline: .now() + delay, repeating: .never, leeway: .milliseconds(10))
        source.activate()
    }

    func cancel() { source.cancel() }
}
