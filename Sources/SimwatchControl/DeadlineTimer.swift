import SimwatchLoop

/// A restartable one-shot deadline on the event loop: `arm(after:)` (re)starts it, `disarm()` stops it, and the
/// handler runs only when the deadline really passed, so a firing that raced a re-arm is ignored.
// Used only on the loop's thread, like the connection that owns it; hence @unchecked Sendable.
final class DeadlineTimer: @unchecked Sendable {
    private var timer: LoopTimer?
    private var deadline: UInt64?

    init(handler: @escaping @Sendable () -> Void) {
        timer = LoopTimer { [weak self] in
            guard let self, let deadline = self.deadline, EventLoop.uptimeNanoseconds >= deadline else { return }
            self.deadline = nil
            handler()
        }
    }

    /// True while a deadline is set.
    var isArmed: Bool { deadline != nil }

    /// Sets the deadline `seconds` from now, replacing any earlier one.
    func arm(after seconds: Double) {
        guard let timer else { return }
        deadline = EventLoop.deadline(after: seconds)
        timer.arm(after: seconds)
    }

    func disarm() {
        deadline = nil
        timer?.disarm()
    }

    /// Stops the timer for good.
    func cancel() {
        deadline = nil
        timer?.disarm()
        timer = nil
    }
}
