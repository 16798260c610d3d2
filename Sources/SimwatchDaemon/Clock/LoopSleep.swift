import SimwatchLoop
import Synchronization

/// A sleep on an event-loop timer that cancellation takes back at once (not `Task.sleep`, whose timer stays queued
/// until it expires: polls and deliveries finish long before their timeouts).
enum LoopSleep {
    static func sleep(seconds: Double) async throws {
        let waiter = Waiter()
        let timer = LoopTimer { waiter.finish(cancelled: false) }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (answer: CheckedContinuation<Void, any Error>) in
                guard waiter.wait(answer) else { return }
                timer.arm(after: seconds.isFinite ? max(seconds, 0) : 366 * 86_400)
            }
        } onCancel: {
            waiter.finish(cancelled: true)
        }
        timer.disarm()
    }

    /// Answers the sleeper exactly once: when the timer fires, or when the task is cancelled (also before it waits).
    final class Waiter: Sendable {
        private let state = Mutex<(answer: CheckedContinuation<Void, any Error>?, cancelled: Bool?)>((nil, nil))

        /// Keeps the continuation; false (and answered) when the sleep already ended by cancellation.
        func wait(_ answer: CheckedContinuation<Void, any Error>) -> Bool {
            let ended = state.withLock { s -> Bool? in
                if let ended = s.cancelled { return ended }
                s.answer = answer
                return nil
            }
            guard let ended else { return true }
            if ended { answer.resume(throwing: CancellationError()) } else { answer.resume() }
            return false
        }

        func finish(cancelled: Bool) {
            let answer = state.withLock { s -> CheckedContinuation<Void, any Error>? in
                guard s.cancelled == nil else { return nil }
                s.cancelled = cancelled
                defer { s.answer = nil }
                return s.answer
            }
            if cancelled { answer?.resume(throwing: CancellationError()) } else { answer?.resume() }
        }
    }
}
