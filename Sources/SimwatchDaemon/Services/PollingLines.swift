import Synchronization

/// The lines with a poll in flight, written by the poll scheduler and read by the repeat scheduler (a line being
/// polled is judged when its poll ends, not also on its own).
final class PollingLines: Sendable {
    private let ids = Mutex<Set<String>>([])

    func insert(_ id: String) { _ = ids.withLock { $0.insert(id) } }

    func remove(_ id: String) { _ = ids.withLock { $0.remove(id) } }

    func contains(_ id: String) -> Bool { ids.withLock { $0.contains(id) } }
}
