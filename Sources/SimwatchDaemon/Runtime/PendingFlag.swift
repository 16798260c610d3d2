import Synchronization

/// One pending event at most: a burst of happenings (a fleet's polls finishing) queues one status update, not
/// one per happening, so the run loop never falls behind them.
final class PendingFlag: Sendable {
    private let raised = Atomic<Bool>(false)

    /// Raises the flag; true when it was down (so the caller queues the event).
    func raise() -> Bool {
        !raised.exchange(true, ordering: .acquiringAndReleasing)
    }

    /// Lowers the flag before the event is handled, so a happening during the handling queues another.
    func lower() {
        raised.store(false, ordering: .releasing)
    }
}
