import Dispatch

/// A restartable one-shot deadline on a serial queue: `arm(after:)` (re)starts it, `disarm()` stops it, and the
/// handler runs only when the deadline really passed, so a timer event that raced a re-arm is ignored.
// Used only on `queue`, like the connection that owns it; hence @unchecked Sendable.
final class DeadlineTimer: @unchecked Sendable {
    private let source: any DispatchSourceTimer
    private var deadline: DispatchTime?

    init(queue: DispatchQueue, handler: @escaping @Sendable () -> Void) {
        source = DispatchSource.makeTimerSource(queue: queue)
        source.setEventHandler { [weak self] in
            guard let self, let deadline = self.deadline, DispatchTime.now() >= deadline else { return }
            self.deadline = nil
            handler()
        }
        source.activate()
    }

    /// True while a deadline is set.
    var isArmed: Bool { deadline != nil }

    /// Sets the deadline `seconds` from now, replacing any earlier one.
    func arm(after seconds: Double) {
        let deadline = DispatchTime.now() + seconds
        self.deadline = deadline
        source.schedule(deadline: deadline)
    }

    func disarm() {
        deadline = nil
        source.schedule(deadline: .distantFuture)
    }

    /// Stops the timer for good.
    func cancel() {
        deadline = nil
        source.cancel()
    }
}
