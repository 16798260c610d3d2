public import FoundationEssentials
public import SimwatchCore
import Synchronization

/// A clock that moves only when a test says so.
public final class ManualClock: WallClock {
    private let current: Mutex<Date>

    public init(_ start: Date) {
        current = Mutex(start)
    }

    public func now() -> Date { current.withLock { $0 } }

    public func realDelay(until date: Date) -> Double { max(0, date.timeIntervalSince(now())) }

    public func advance(by span: TimeSpan) {
        current.withLock { $0 = $0 + span }
    }

    public func set(_ date: Date) {
        current.withLock { $0 = date }
    }
}
