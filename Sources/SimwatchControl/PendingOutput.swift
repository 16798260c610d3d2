/// Reply bytes not yet written to a connection, and the writers waiting for their bytes to go out.
struct PendingOutput {
    typealias Completion = @Sendable (VarlinkTransportError?) -> Void

    private var bytes: [UInt8] = []
    private var start = 0
    // Running totals, so a waiter knows when its last byte is out.
    private var queued = 0
    private var written = 0
    private var waiters: [(end: Int, completion: Completion)] = []

    /// Nothing left to write.
    var isEmpty: Bool { start == bytes.count }

    /// Queues `chunk`; `completion` runs once all of it is written (or the connection fails).
    mutating func append(_ chunk: [UInt8], completion: @escaping Completion) {
        bytes.append(contentsOf: chunk)
        queued += chunk.count
        waiters.append((queued, completion))
    }

    /// Calls `body` with the bytes still to write.
    func withUnwritten<R>(_ body: (UnsafeRawBufferPointer) -> R) -> R {
        bytes.withUnsafeBytes { body(UnsafeRawBufferPointer(rebasing: $0[start...])) }
    }

    /// Records that `count` more bytes went out; returns the completions of writes that are now whole.
    mutating func markWritten(_ count: Int) -> [Completion] {
        start += count
        written += count
        var done: [Completion] = []
        while let first = waiters.first, first.end <= written {
            waiters.removeFirst()
            done.append(first.completion)
        }
        if isEmpty {
            bytes.removeAll(keepingCapacity: bytes.capacity <= 64 * 1024)
            start = 0
        }
        return done
    }

    /// Drops everything; returns the completions still waiting, to be failed.
    mutating func discard() -> [Completion] {
        let pending = waiters.map(\.completion)
        self = PendingOutput()
        return pending
    }
}
