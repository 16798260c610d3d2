import FoundationEssentials
import Logging
import SimwatchStore

/// Whether the state database takes writes: while it refuses them (disk full, read-only, locked), writes back off
/// and delivery outcomes that could not be written wait here, so a reminder already delivered is not sent again
/// while the database cannot say so.
struct StoreHealth {
    var trouble: StoreTrouble?
    /// Delivery outcomes that happened but could not be written yet.
    var unrecorded: [DeliveryOutcome] = []
    let timeScale: Double

    /// Records a failed write: backs off, and says so in the journal (not at every retry).
    mutating func failed(_ error: any Error, doing what: String, now: Date, logger: Logger) {
        let text = "\(error)"
        if var trouble {
            trouble.failedAgain(text, now: now, timeScale: timeScale)
            self.trouble = trouble
        } else {
            trouble = StoreTrouble(since: now, error: text, timeScale: timeScale)
        }
        guard let trouble, trouble.worthLogging else { return }
        let delay = Int((max(0, trouble.retryAt.timeIntervalSince(now)) / timeScale).rounded(.up))
        logger.error(
            "cannot save state (\(what)): \(text); failure \(trouble.failures), retrying in \(delay)s",
            metadata: ["state_failures": "\(trouble.failures)"]
        )
    }

    /// Records a successful write: ends the trouble once nothing is left unrecorded.
    mutating func succeeded(now: Date, logger: Logger) {
        guard let trouble, unrecorded.isEmpty else { return }
        self.trouble = nil
        let seconds = Int(max(0, now.timeIntervalSince(trouble.since)))
        logger.notice("state saved again after \(trouble.failures) failed write(s) over \(seconds)s")
    }

    /// Whether writes wait for the back-off to pass.
    func backingOff(now: Date) -> Bool {
        guard let trouble else { return false }
        return now < trouble.retryAt
    }

    /// When a refused piece of work is tried again: not before the back-off ends, nor sooner than `soonest`.
    func retry(now: Date, soonest: TimeInterval) -> Date {
        max(now + soonest, trouble?.retryAt ?? now)
    }

    /// What the state database said when it last refused a write.
    var lastError: String { trouble?.error ?? "the state database refused the write" }
}
