import Glibc
import SimwatchLoop
import Synchronization

/// A serial executor on a thread of its own, for the state database: a write that waits for SQLite's busy timeout
/// (another process holding the file, a slow SD card) holds up this thread, never the event loop that runs timers,
/// signals and the control socket.
///
/// Jobs of high priority (the control socket's requests: `simwatchctl status` while a fleet polls flat out) run
/// before the others, which run in the order they came (what the polls' group commit counts on).
final class StoreExecutor: SerialExecutor, @unchecked Sendable {
    // @unchecked: the queues are guarded by `lock` (with `ready` to wait on), allocated once so their addresses hold.
    private var urgent = JobQueue()
    private var jobs = JobQueue()
    private let lock = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let ready = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)

    static let shared = StoreExecutor()

    private init() {
        pthread_mutex_init(lock, nil)
        pthread_cond_init(ready, nil)
        var thread = pthread_t()
        let box = Unmanaged.passRetained(self).toOpaque()
        let started = pthread_create(
            &thread,
            nil,
            { raw in Unmanaged<StoreExecutor>.fromOpaque(raw!).takeRetainedValue().serve() },
            box
        )
        guard started == 0 else { fatalError("cannot start the state database's thread") }
        pthread_detach(thread)
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let isUrgent = job.priority.rawValue >= Self.urgentPriority
        let unowned = UnownedJob(job)
        pthread_mutex_lock(lock)
        if isUrgent { urgent.append(unowned) } else { jobs.append(unowned) }
        pthread_cond_signal(ready)
        pthread_mutex_unlock(lock)
    }

    /// `TaskPriority.high` and above.
    private static let urgentPriority = TaskPriority.high.rawValue

    func asUnownedSerialExecutor() -> UnownedSerialExecutor {
        UnownedSerialExecutor(ordinary: self)
    }

    private func serve() -> Never {
        WorkerThread.nameCurrent("simwatch-state")
        while true {
            pthread_mutex_lock(lock)
            while urgent.isEmpty && jobs.isEmpty { pthread_cond_wait(ready, lock) }
            let job = urgent.removeFirst() ?? jobs.removeFirst()
            pthread_mutex_unlock(lock)
            job?.runSynchronously(on: asUnownedSerialExecutor())
        }
    }
}

/// A FIFO of jobs: O(1) to add and to take.
private struct JobQueue {
    private var items: [UnownedJob?] = []
    private var head = 0

    var isEmpty: Bool { head == items.count }

    mutating func append(_ job: UnownedJob) { items.append(job) }

    mutating func removeFirst() -> UnownedJob? {
        guard head < items.count else { return nil }
        let job = items[head]
        items[head] = nil
        head += 1
        if head == items.count {
            items.removeAll(keepingCapacity: true)
            head = 0
        } else if head > 1024, head * 2 > items.count {
            items.removeFirst(head)
            head = 0
        }
        return job
    }
}
