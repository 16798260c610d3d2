import Glibc
import Synchronization

/// What the loop's callbacks saw, read back by the tests from their own threads.
final class Recorder<T: Sendable>: Sendable {
    private let items = Mutex<[T]>([])

    func append(_ item: T) { items.withLock { $0.append(item) } }

    var all: [T] { items.withLock { $0 } }

    /// Waits (polling, bounded) until `condition` holds for what was recorded; far longer than any loaded machine
    /// needs, since a pass never waits for the bound.
    func wait(timeout: Double = 30, until condition: ([T]) -> Bool) async -> Bool {
        let deadline = ContinuousClock.now + .milliseconds(Int64(timeout * 1000))
        while ContinuousClock.now < deadline {
            if condition(all) { return true }
            try? await Task.sleep(for: .milliseconds(5))
        }
        return condition(all)
    }
}
