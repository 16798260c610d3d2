public import FoundationEssentials

/// A min-heap of due times keyed by line id: the scheduler's one source of "what next". Rescheduling a key
/// replaces its entry (older entries are skipped lazily when they surface).
public struct DueQueue: Sendable {
    private struct Entry: Sendable {
        var due: Date
        var key: String
        var generation: Int
    }

    private var heap: [Entry] = []
    private var current: [String: (due: Date, generation: Int)] = [:]
    private var nextGeneration = 0

    public init() {}

    public var isEmpty: Bool { current.isEmpty }
    public var count: Int { current.count }

    /// Sets (or moves) `key` to be due at `due`.
    public mutating func schedule(_ key: String, at due: Date) {
        nextGeneration += 1
        current[key] = (due, nextGeneration)
        push(Entry(due: due, key: key, generation: nextGeneration))
    }

    public mutating func remove(_ key: String) {
        current[key] = nil
    }

    public func due(of key: String) -> Date? { current[key]?.due }

    /// The earliest due time.
    public mutating func nextDue() -> Date? {
        dropStale()
        return heap.first?.due
    }

    /// Removes and returns every key due at or before `now`, earliest first.
    public mutating func popDue(now: Date) -> [String] {
        var out: [String] = []
        while true {
            dropStale()
            guard let top = heap.first, top.due <= now else { return out }
            popTop()
            current[top.key] = nil
            out.append(top.key)
        }
    }

    private mutating func dropStale() {
        while let top = heap.first, current[top.key]?.generation != top.generation { popTop() }
    }

    private mutating func push(_ entry: Entry) {
        heap.append(entry)
        var i = heap.count - 1
        while i > 0 {
            let parent = (i - 1) / 2
            guard heap[i].due < heap[parent].due else { break }
            heap.swapAt(i, parent)
            i = parent
        }
    }

    private mutating func popTop() {
        heap.swapAt(0, heap.count - 1)
        heap.removeLast()
        var i = 0
        while true {
            let l = 2 * i + 1
            let r = l + 1
            var smallest = i
            if l < heap.count, heap[l].due < heap[smallest].due { smallest = l }
            if r < heap.count, heap[r].due < heap[smallest].due { smallest = r }
            if smallest == i { return }
            heap.swapAt(i, smallest)
            i = smallest
        }
    }
}
