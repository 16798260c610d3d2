public import FoundationEssentials

/// The daemon's notion of "now". Injected everywhere so tests advance time by hand and demos run it faster.
public protocol WallClock: Sendable {
    func now() -> Date
    /// Real seconds to wait until the clock shows `date` (0 when already past).
    func realDelay(until date: Date) -> Double
}

/// Real time.
public struct SystemClock: WallClock {
    public init() {}
    public func now() -> Date { Date() }
    public func realDelay(until date: Date) -> Double { max(0, date.timeIntervalSinceNow) }
}

/// Time running `scale` times faster than real time from `anchor`: for `make demo` and end-to-end tests. The
/// anchor is kept in the state database, so simulated time runs on (and past due reminders) across restarts.
public struct ScaledClock: WallClock {
    public var anchor: Date
    public var scale: Double

    public init(anchor: Date, scale: Double) {
        self.anchor = anchor
        self.scale = scale
    }

    public func now() -> Date {
        anchor.addingTimeInterval(Date().timeIntervalSince(anchor) * scale)
    }

    public func realDelay(until date: Date) -> Double {
        max(0, date.timeIntervalSince(now()) / scale)
    }
}
