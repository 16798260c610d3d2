public import FoundationEssentials
public import SimwatchCore
import SimwatchLoop

/// The one clock every timer, timeout, back-off and deadline of the daemon reads and waits on: the run loops of the
/// services sleep on it, polls and deliveries are bounded by it, and tests swap it for a `ManualClock` to drive the
/// daemon through a week in milliseconds.
public protocol DaemonClock: WallClock {
    /// Returns once the clock shows `deadline` (at once when it already does); throws `CancellationError` when the
    /// task is cancelled first.
    func sleep(until deadline: Date) async throws

    /// Returns after `seconds` of work time: how long a poll or a delivery attempt may take. A provider or a mail
    /// server answers at its own speed, so under `time_scale` this is real time (a 30 s timeout compressed 3600-fold
    /// would fail every real request); on a manual clock it is the clock's time, like everything else.
    func sleep(seconds: Double) async throws

    /// Clock seconds per real second: 1, or `time_scale`.
    var rate: Double { get }

    /// Seconds of the clock the timers count (monotonic), which a step of the wall clock does not move: comparing
    /// the two shows a step, or a suspend (where the monotonic clock stands still).
    var uptime: Double { get }
}

/// Real or scaled wall time, waited on with the event loop's timers.
public struct LoopClock: DaemonClock {
    let base: any WallClock
    public let rate: Double

    public init(_ base: any WallClock = SystemClock(), rate: Double = 1) {
        self.base = base
        self.rate = rate
    }

    /// The daemon's clock for `time_scale`: real time at 1, else time running faster from `anchor`.
    public static func scaled(_ scale: Double, anchor: Date) -> LoopClock {
        scale == 1 ? LoopClock() : LoopClock(ScaledClock(anchor: anchor, scale: scale), rate: scale)
    }

    public func now() -> Date { base.now() }

    public var uptime: Double { Double(EventLoop.uptimeNanoseconds) / 1e9 }

    public func realDelay(until date: Date) -> Double { base.realDelay(until: date) }

    public func sleep(until deadline: Date) async throws {
        try await LoopSleep.sleep(seconds: base.realDelay(until: deadline))
    }

    public func sleep(seconds: Double) async throws {
        try await LoopSleep.sleep(seconds: seconds)
    }
}
