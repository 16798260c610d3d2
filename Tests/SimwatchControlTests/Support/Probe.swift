import Synchronization

/// A thread-safe list of observations (handler events, log lines).
final class Probe: Sendable {
    private let items = Mutex<[String]>([])

    func add(_ item: String) { items.withLock { $0.append(item) } }

    var all: [String] { items.withLock { $0 } }

    func contains(_ item: String) -> Bool { all.contains(item) }

    func contains(where predicate: (String) -> Bool) -> Bool { all.contains(where: predicate) }
}
