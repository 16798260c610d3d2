import SimwatchLoop
import Synchronization

/// What the awaiting task and the transfer's thread share: the cancellation flag the transfer polls, and the one
/// continuation, resumed exactly once by whichever comes first (the transfer's end, or cancellation).
final class CurlCall: Sendable {
    typealias Outcome = Result<HTTPResponseSpec, HTTPTransportError>

    /// Set on cancellation; the progress callback then aborts the transfer.
    private let cancelled = Atomic<Bool>(false)
    private let waiter = Mutex<CheckedContinuation<Outcome, Never>?>(nil)

    static let cancellation = HTTPTransportError(.io, "the request was cancelled")

    var isCancelled: Bool { cancelled.load(ordering: .sequentiallyConsistent) }

    /// Runs `work` on a thread of its own and resumes `continuation` with its outcome, unless cancelled first.
    func start(_ continuation: CheckedContinuation<Outcome, Never>, work: @escaping @Sendable () -> Outcome) {
        let go = waiter.withLock { waiter in
            // Checked under the lock: `cancel` sets the flag before it looks for a continuation.
            guard !isCancelled else { return false }
            waiter = continuation
            return true
        }
        guard go else {
            continuation.resume(returning: .failure(Self.cancellation))
            return
        }
        let started = WorkerThread.detach { self.finish(work()) }
        if !started { finish(.failure(HTTPTransportError(.io, "cannot start a thread for the request"))) }
    }

    /// The transfer ended; a no-op when cancellation already answered.
    func finish(_ outcome: Outcome) {
        waiter.withLock { $0.take() }?.resume(returning: outcome)
    }

    /// Answers the caller now; the transfer notices the flag within a second (libcurl calls the progress
    /// callback at least that often) and its thread ends.
    func cancel() {
        cancelled.store(true, ordering: .sequentiallyConsistent)
        waiter.withLock { $0.take() }?.resume(returning: .failure(Self.cancellation))
    }
}
