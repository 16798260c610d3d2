public import FoundationEssentials

/// Spreads the first polls of lines that would otherwise all be due at once (at start-up, on reload, after the
/// daemon was down for longer than their interval) over a window instead of a burst. A line's place in the
/// window comes from a hash of its id, so a restart puts it in the same place.
public enum FirstPollStagger {
    /// Lines due together that start at once (in turn, by the concurrency bound): a small configuration starts
    /// as soon as it can.
    public static let smallBurst = 10

    /// The window the first polls of `count` lines due together are spread over: none when they are no more than
    /// `burst` (`smallBurst`, or the daemon's `max_concurrent_polls` if larger),
    /// else their interval, or one second per line if that is shorter (900 lines or more polled every 15 minutes
    /// fill the whole interval).
    public static func window(interval: TimeInterval, count: Int, burst: Int) -> TimeInterval {
        guard count > max(burst, smallBurst) else { return 0 }
        return max(0, min(interval, Double(count)))
    }

    /// How far into `window` the line whose id hashes to `hash` (FNV-1a, see `Shard.hash`) is first polled.
    public static func offset(hash: UInt64, window: TimeInterval) -> TimeInterval {
        guard window > 0 else { return 0 }
        return Double(hash % 1_000_003) / 1_000_003 * window
    }
}
