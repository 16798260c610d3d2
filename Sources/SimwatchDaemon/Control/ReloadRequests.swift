import SimwatchControl
import Synchronization

/// Reload calls from the control socket that wait for the run loop to answer them.
///
/// Once the daemon stops (`close()`, called from the SIGTERM handler), every call still waiting and every later
/// one is answered `ShuttingDown` at once: the loop that would have answered is gone, and a call left waiting would
/// keep its connection, and with it the daemon's exit, hanging until systemd kills the process.
final class ReloadRequests: Sendable {
    typealias Answer = Result<Int, ControlError>

    private struct State {
        var closed = false
        var nextID = 0
        var waiting: [Int: CheckedContinuation<Answer, Never>] = [:]
    }

    private let state = Mutex(State())

    /// True once the daemon is stopping: a queued request should not start a reload.
    var isClosed: Bool { state.withLock { $0.closed } }

    /// Registers a request and hands `post` the function that answers it (to send to the run loop); returns the
    /// answer. Answers `ShuttingDown` without calling `post` when the daemon is already stopping.
    func ask(post: (@escaping @Sendable (Answer) -> Void) -> Void) async -> Answer {
        await withCheckedContinuation { continuation in
            let id: Int? = state.withLock { state in
                guard !state.closed else { return nil }
                let id = state.nextID
                state.nextID += 1
                state.waiting[id] = continuation
                return id
            }
            guard let id else {
                continuation.resume(returning: .failure(.shuttingDown))
                return
            }
            post { self.answer(id, $0) }
        }
    }

    /// Answers request `id`; a request already answered (by `close()`) is left alone.
    func answer(_ id: Int, _ answer: Answer) {
        state.withLock { $0.waiting.removeValue(forKey: id) }?.resume(returning: answer)
    }

    /// Answers every waiting request `ShuttingDown` and refuses new ones. Idempotent.
    func close() {
        let waiting = state.withLock { state in
            state.closed = true
            defer { state.waiting = [:] }
            return Array(state.waiting.values)
        }
        for continuation in waiting { continuation.resume(returning: .failure(.shuttingDown)) }
    }
}
