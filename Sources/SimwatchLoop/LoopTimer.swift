internal import CEventLoop
import Synchronization

/// A timer on the event loop: `arm(after:)` (re)starts it for one firing, `arm(every:)` for a firing every period,
/// `disarm()` stops it; the handler runs on the loop's thread. Arming and disarming are safe from any thread; a firing
/// already under way when `disarm()` is called still completes, so handlers that must not act late check their own
/// state.
public final class LoopTimer: Sendable {
    private let state: TimerState

    public init(_ handler: @escaping @Sendable () -> Void) {
        let state = TimerState(handler)
        state.timer = sw_timer_create(fireTimer, Unmanaged.passRetained(state).toOpaque())
        self.state = state
    }

    /// Fires once, `seconds` from now (clamped to [0, one year]), replacing any earlier arming.
    public func arm(after seconds: Double) {
        state.period.withLock { $0 = 0 }
        sw_timer_arm(state.timer, EventLoop.deadline(after: seconds))
    }

    /// Fires every `seconds` (clamped to [1 ms, one year]), the first time `seconds` from now.
    public func arm(every seconds: Double) {
        let period = max(EventLoop.nanoseconds(seconds), 1_000_000)
        state.period.withLock { $0 = period }
        sw_timer_arm(state.timer, EventLoop.uptimeNanoseconds &+ period)
    }

    public func disarm() {
        state.period.withLock { $0 = 0 }
        sw_timer_disarm(state.timer)
    }

    deinit {
        sw_timer_disarm(state.timer)
        // Freed on the loop's thread, where a firing cannot be under way at the same time.
        let state = state
        EventLoop.run {
            sw_timer_destroy(state.timer)
            Unmanaged.passUnretained(state).release()
        }
    }
}

/// What the C timer calls back: the handler, the period (0: one-shot) and the timer itself, to re-arm.
final class TimerState: @unchecked Sendable {
    // @unchecked: `timer` is set once, right after init, before the timer can fire.
    let body: @Sendable () -> Void
    let period = Mutex<UInt64>(0)
    var timer: OpaquePointer!

    init(_ body: @escaping @Sendable () -> Void) { self.body = body }
}

private func fireTimer(_ raw: UnsafeMutableRawPointer?) {
    guard let raw else { return }
    // Kept alive through the call: the handler may drop the last reference to its own timer.
    withExtendedLifetime(Unmanaged<TimerState>.fromOpaque(raw).retain().takeRetainedValue()) { state in
        let period = state.period.withLock { $0 }
        if period > 0 { sw_timer_arm(state.timer, EventLoop.uptimeNanoseconds &+ period) }
        state.body()
    }
}
