import FoundationEssentials
import Logging
import SimwatchCore
import SimwatchStore

extension Engine {
    /// Records a failed write to the state database: backs off, and says so in the journal (not at every retry).
    func storeFailed(_ error: any Error, doing what: String, now: Date) {
        let text = "\(error)"
        if var trouble = storeTrouble {
            trouble.failedAgain(text, now: now, timeScale: config.daemon.timeScale)
            storeTrouble = trouble
        } else {
            storeTrouble = StoreTrouble(since: now, error: text, timeScale: config.daemon.timeScale)
        }
        guard let trouble = storeTrouble, trouble.worthLogging else { return }
        let delay = Int((max(0, trouble.retryAt.timeIntervalSince(now)) / config.daemon.timeScale).rounded(.up))
        logger.error(
            "cannot save state (\(what)): \(text); failure \(trouble.failures), retrying in \(delay)s",
            metadata: ["state_failures": "\(trouble.failures)"]
        )
    }

    /// Records a successful write: ends the trouble once nothing is left unrecorded.
    func storeSucceeded(now: Date) {
        guard let trouble = storeTrouble, unrecorded.isEmpty else { return }
        storeTrouble = nil
        let seconds = Int(max(0, now.timeIntervalSince(trouble.since)))
        logger.notice("state saved again after \(trouble.failures) failed write(s) over \(seconds)s")
    }

    /// Whether writes wait for the back-off to pass.
    func storeBackingOff(now: Date) -> Bool {
        guard let trouble = storeTrouble else { return false }
        return now < trouble.retryAt
    }

    /// Writes delivery outcomes that could not be recorded when they happened. Until they are written no new
    /// delivery starts: a reminder already delivered is not sent again while the database cannot say so.
    /// Returns whether nothing is left unrecorded.
    func flushUnrecorded(now: Date) -> Bool {
        guard !unrecorded.isEmpty else { return true }
        do {
            try store.record(unrecorded)
            unrecorded = []
            storeSucceeded(now: now)
            return true
        } catch {
            storeFailed(error, doing: "recording deliveries", now: now)
            return false
        }
    }
}
