public import SimwatchCore
import Synchronization

/// Fans the daemon's events out to subscribers. Each subscriber has a bounded buffer: one that does not keep up loses its
/// oldest events rather than growing the daemon's memory.
public final class EventHub: Sendable {
    private let subscribers = Mutex<[Int: AsyncStream<WatchEvent>.Continuation]>([:])
    private let nextID = Mutex(0)

    public init() {}

    /// A stream of events from now on; it ends when the subscriber stops iterating.
    public func subscribe(buffer: Int = 1000) -> AsyncStream<WatchEvent> {
        let id = nextID.withLock { n in
            n += 1
            return n
        }
        let (stream, continuation) = AsyncStream<WatchEvent>.makeStream(bufferingPolicy: .bufferingNewest(buffer))
        continuation.onTermination = { [weak self] _ in
            _ = self?.subscribers.withLock { $0.removeValue(forKey: id) }
        }
        subscribers.withLock { $0[id] = continuation }
        return stream
    }

    public func publish(_ event: WatchEvent) {
        let targets = subscribers.withLock { Array($0.values) }
        for continuation in targets { continuation.yield(event) }
    }

    public var subscriberCount: Int { subscribers.withLock { $0.count } }

    /// Ends every stream (daemon stopping).
    public func finish() {
        let targets = subscribers.withLock { s in
            defer { s.removeAll() }
            return Array(s.values)
        }
        for continuation in targets { continuation.finish() }
    }
}
