public import FoundationEssentials
public import SimwatchCore
public import SimwatchDaemon
import Synchronization

/// A clock that moves only when a test says so. Sleepers wake when the test moves it past their deadline; work
/// timeouts (`sleep(seconds:)`) are the clock's time too, so a test decides when a hung provider times out.
public final class ManualClock: DaemonClock {
    private struct State {
        var now: Date
        var sleepers: [Int: (deadline: Date, wake: CheckedContinuation<Void, any Error>)] = [:]
        var nextID = 0
    }

    private let state: Mutex<State>

    public init(_ start: Date) {
        state = Mutex(State(now: start))
    }

    public var rate: Double { 1 }

    /// The manual time itself: a test's moves are how time passes here, never a step.
    public var uptime: Double { now().timeIntervalSince1970 }

    public func now() -> Date { state.withLock { $0.now } }

    public func realDelay(until date: Date) -> Double { max(0, date.timeIntervalSince(now())) }

    public func advance(by span: TimeSpan) {
        set(now() + span)
    }

    /// Moves the clock to `date` and wakes the sleepers whose deadline has come.
    public func set(_ date: Date) {
        let due = state.withLock { s -> [CheckedContinuation<Void, any Error>] in
            s.now = date
            let ids = s.sleepers.filter { $0.value.deadline <= date }.map(\.key)
            return ids.compactMap { s.sleepers.removeValue(forKey: $0)?.wake }
        }
        for wake in due { wake.resume() }
    }

    /// How many tasks sleep on the clock.
    public var sleeperCount: Int { state.withLock { $0.sleepers.count } }

    public func sleep(until deadline: Date) async throws {
        let id = state.withLock { s -> Int in
            s.nextID += 1
            return s.nextID
        }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (wake: CheckedContinuation<Void, any Error>) in
                let now = state.withLock { s -> Bool in
                    if s.now >= deadline { return true }
                    if Task.isCancelled { return true }
                    s.sleepers[id] = (deadline, wake)
                    return false
                }
                if now { wake.resume() }
            }
        } onCancel: {
            let wake = state.withLock { $0.sleepers.removeValue(forKey: id)?.wake }
            wake?.resume(throwing: CancellationError())
        }
        try Task.checkCancellation()
    }

    public func sleep(seconds: Double) async throws {
        try await sleep(until: now() + seconds)
    }
}
