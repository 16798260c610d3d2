import SimwatchLoop

/// Calls `fire` once, `seconds` from now, unless cancelled first: the deadline of a poll or a delivery attempt.
///
/// Not `Task.sleep`: a sleep cannot be taken back, and polls and deliveries finish long before their timeouts; a
/// cancelled timer here is gone from the loop at once.
final class OneShotTimer: Sendable {
    private let timer: LoopTimer

    init(after seconds: Double, fire: @escaping @Sendable () -> Void) {
        timer = LoopTimer(fire)
        timer.arm(after: seconds.isFinite ? max(seconds, 0.001) : 366 * 86_400)
    }

    func cancel() { timer.disarm() }
}
