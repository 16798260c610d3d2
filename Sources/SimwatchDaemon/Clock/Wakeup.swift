import FoundationEssentials
import Synchronization

/// How a service's run loop waits: until its next due time on the clock, or until another part pokes it because
/// there is new work (a poll queued a reminder in the outbox, a reload changed the schedule), whichever comes first.
/// A poke while the service is busy is kept, so the next wait returns at once and nothing is missed.
public final class Wakeup: Sendable {
    private let state = Mutex<(poked: Bool, waiter: CheckedContinuation<Void, Never>?)>((false, nil))

    public init() {}

    public func poke() {
        let waiter = state.withLock { s -> CheckedContinuation<Void, Never>? in
            defer { s.waiter = nil }
            s.poked = s.waiter == nil
            return s.waiter
        }
        waiter?.resume()
    }

    /// Waits until `deadline` (nil: no due time, only a poke), a poke, or the task's cancellation.
    func sleep(until deadline: Date?, on clock: any DaemonClock) async {
        await withTaskGroup(of: Void.self) { group in
            if let deadline { group.addTask { try? await clock.sleep(until: deadline) } }
            group.addTask { await self.poked() }
            await group.next()
            group.cancelAll()
        }
    }

    private func poked() async {
        await withTaskCancellationHandler {
            await withCheckedContinuation { (answer: CheckedContinuation<Void, Never>) in
                let now = state.withLock { s -> Bool in
                    if s.poked || Task.isCancelled {
                        s.poked = false
                        return true
                    }
                    s.waiter = answer
                    return false
                }
                if now { answer.resume() }
            }
        } onCancel: {
            let waiter = state.withLock { s -> CheckedContinuation<Void, Never>? in
                defer { s.waiter = nil }
                return s.waiter
            }
            waiter?.resume()
        }
    }
}
