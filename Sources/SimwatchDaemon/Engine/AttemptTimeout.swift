import SimwatchCore
import Synchronization

/// Runs one delivery attempt with a deadline. The attempt runs in its own task: when the deadline passes first, that
/// task is cancelled and left to finish on its own, and the caller moves on at once with a `timeout` failure.
enum AttemptTimeout {
    static func run(_ channel: any NotificationChannel, _ reminder: Reminder, seconds: Double) async -> DeliveryError? {
        let race = Race()
        return await withCheckedContinuation { (answer: CheckedContinuation<DeliveryError?, Never>) in
            let timer = OneShotTimer(after: seconds) {
                if race.win() {
                    race.cancelWork()
                    answer.resume(returning: DeliveryError(.timeout, "no answer within \(Int(seconds.rounded())) s"))
                }
            }
            race.setWork(
                Task {
                    let failure: DeliveryError?
                    do {
                        try await channel.deliver(reminder)
                        failure = nil
                    } catch let error as DeliveryError {
                        failure = error
                    } catch {
                        failure = DeliveryError(.temporary, "\(error)")
                    }
                    if race.win() {
                        timer.cancel()
                        answer.resume(returning: failure)
                    }
                }
            )
        }
    }

    /// Lets exactly one of the attempt and the timer answer, and lets the timer cancel the attempt.
    final class Race: Sendable {
        private let state = Mutex<(finished: Bool, work: Task<Void, Never>?)>((false, nil))

        func win() -> Bool {
            state.withLock { s in
                defer { s.finished = true }
                return !s.finished
            }
        }

        func setWork(_ task: Task<Void, Never>) {
            let cancelNow = state.withLock { s in
                s.work = task
                return s.finished
            }
            if cancelNow { task.cancel() }
        }

        func cancelWork() {
            state.withLock { $0.work }?.cancel()
        }
    }
}
