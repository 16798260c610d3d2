public import FoundationEssentials

/// When a firing alert reminds again.
public enum RepeatPolicy: Sendable, Hashable, CustomStringConvertible {
    /// One reminder per episode (escalations to a later stage still remind).
    case once
    /// Again after every interval.
    case every(TimeSpan)
    /// After `start`, then twice as long each time, never longer than `cap` (smartd's "diminishing").
    case diminishing(start: TimeSpan, cap: TimeSpan)

    /// The next reminder after the `occurrence`th one (1-based) was sent at `sentAt`; nil for none.
    public func next(after sentAt: Date, occurrence: Int) -> Date? {
        switch self {
        case .once:
            return nil
        case .every(let interval):
            return sentAt + interval
        case .diminishing(let start, let cap):
            let doublings = min(max(occurrence - 1, 0), 40)
            let (scaled, overflow) = start.seconds.multipliedReportingOverflow(by: Int64(1) << doublings)
            let wait = overflow ? cap.seconds : min(scaled, cap.seconds)
            return sentAt + TimeSpan(seconds: wait)
        }
    }

    /// As written in the configuration: "once", "every 12h", "diminishing 1d" (cap shown separately).
    public var description: String {
        switch self {
        case .once: "once"
        case .every(let interval): "every \(interval)"
        case .diminishing(let start, let cap): "diminishing \(start) (cap \(cap))"
        }
    }
}
