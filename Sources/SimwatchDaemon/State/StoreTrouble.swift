public import FoundationEssentials

/// The state database refusing writes (disk full, locked by another process, read-only, I/O errors), from the first
/// failure until a write succeeds again. While it lasts the ledger retries on a growing delay instead of at once, so
/// a full disk costs a few wake-ups an hour, not a spinning CPU and a reminder re-sent every few seconds.
public struct StoreTrouble: Sendable, Hashable {
    /// The first failed write of this spell.
    public var since: Date
    /// Failed writes in a row.
    public var failures: Int
    /// The newest failure, as SQLite put it.
    public var error: String
    /// No write is tried before this (deliveries included).
    public var retryAt: Date

    /// Retries wait 1 s, 2 s, 4 s … up to five minutes.
    static let longestDelay: TimeInterval = 300

    /// `timeScale`: the daemon's clock runs that much faster than real time (demos and tests); a disk fills and
    /// frees in real time, so the delays are real seconds.
    init(since: Date, error: String, timeScale: Double) {
        self.since = since
        self.failures = 1
        self.error = error
        self.retryAt = since + timeScale
    }

    /// One more failure at `now`: the delay doubles, up to `longestDelay`.
    mutating func failedAgain(_ error: String, now: Date, timeScale: Double) {
        failures += 1
        self.error = error
        let delay = min(Self.longestDelay, Double(1 << min(failures - 1, 20)))
        retryAt = now + delay * timeScale
    }

    /// Whether a failure deserves a journal entry: the first, then the 10th, 100th …, so a disk full for a day
    /// leaves a handful of lines, not thousands.
    var worthLogging: Bool {
        var n = failures
        while n % 10 == 0 { n /= 10 }
        return n == 1
    }
}
