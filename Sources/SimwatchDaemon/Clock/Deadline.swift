import Synchronization

/// The one timeout behaviour of the daemon, for polls and delivery attempts alike: the work runs in its own task;
/// when `seconds` of the clock's work time pass first, that task is cancelled and abandoned (a provider or a channel
/// that ignores cancellation finishes on its own, unheard), and the caller moves on at once.
enum Deadline {
    /// The work's result, or nil when the time ran out (or the caller was cancelled) first.
    static func run<T: Sendable>(
        seconds: Double,
        on clock: any DaemonClock,
        _ work: @escaping @Sendable () async -> T
    ) async -> T? {
        let race = Race<T>()
        return await withTaskCancellationHandler {
            await withCheckedContinuation { (answer: CheckedContinuation<T?, Never>) in
                guard race.begin(answer) else { return }
                let timer = Task {
                    do { try await clock.sleep(seconds: seconds) } catch { return }
                    race.finish(nil)
                }
                race.setWork(
                    Task {
                        let value = await work()
                        timer.cancel()
                        race.finish(value)
                    }
                )
            }
        } onCancel: {
            race.finish(nil)
        }
    }

    /// Lets exactly one of the work, the timer and the caller's cancellation answer; the losers' work is cancelled.
    final class Race<T: Sendable>: Sendable {
        private struct State {
            var answer: CheckedContinuation<T?, Never>?
            var finished = false
            var work: Task<Void, Never>?
        }

        private let state = Mutex(State())

        /// Keeps the caller's continuation; false (and answered) when the caller was cancelled before.
        func begin(_ answer: CheckedContinuation<T?, Never>) -> Bool {
            let early = state.withLock { s -> Bool in
                if s.finished { return true }
                s.answer = answer
                return false
            }
            if early { answer.resume(returning: nil) }
            return !early
        }

        func setWork(_ task: Task<Void, Never>) {
            let cancelNow = state.withLock { s -> Bool in
                s.work = task
                return s.finished
            }
            if cancelNow { task.cancel() }
        }

        func finish(_ value: T?) {
            let won = state.withLock { s -> (CheckedContinuation<T?, Never>?, Task<Void, Never>?)? in
                guard !s.finished else { return nil }
                s.finished = true
                defer { s.answer = nil }
                return (s.answer, s.work)
            }
            guard let (answer, work) = won else { return }
            if value == nil { work?.cancel() }
            answer?.resume(returning: value)
        }
    }
}
