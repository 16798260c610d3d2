/// When to poll again: the line's interval with jitter after success, exponential backoff after failures.
public struct PollTiming: Sendable {
    /// Share of the interval added or removed at random so many lines do not poll in lockstep.
    public var jitter: Double
    /// First retry after a failure (doubling after each further failure).
    public var firstRetry: TimeSpan

    public init(jitter: Double = 0.05, firstRetry: TimeSpan = TimeSpan(seconds: 30)) {
        self.jitter = jitter
        self.firstRetry = firstRetry
    }

    /// Delay before the next poll. `random` is in 0..<1 (injected so tests are exact).
    ///
    /// After `failures` consecutive failures the delay is `firstRetry × 2^(failures-1)`, never shorter than the
    /// first retry, and capped at four intervals so a source that comes back is noticed within a few intervals.
    public func delay(interval: TimeSpan, failures: Int, random: Double) -> TimeSpan {
        let base: Double
        if failures <= 0 {
            base = interval.timeInterval
        } else {
            let first = min(firstRetry.timeInterval, interval.timeInterval)
            let backoff = first * Double(1 << min(failures - 1, 30))
            base = min(backoff, max(interval.timeInterval * 4, first))
        }
        let spread = base * jitter * (random * 2 - 1)
        // Configured intervals are at most 100 years (`Plausible`), but a TimeSpan built in code is not: saturate.
        return TimeSpan(seconds: Plausible.integer(max(1, base + spread)) ?? .max)
    }
}
