import Glibc
import SimwatchLoop
import Synchronization

/// A serial executor on a thread of its own, for the state database: a write that waits for SQLite's busy timeout
/// (another process holding the file, a slow SD card) holds up this thread, never the event loop that runs timers,
/// signals and the control socket.
final class StoreExecutor: SerialExecutor, @unchecked Sendable {
    // @unchecked: `jobs` is guarded by `lock` (with `ready` to wait on), allocated once so their addresses hold.
    private var jobs: [UnownedJob] = []
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
        let unowned = UnownedJob(job)
        pthread_mutex_lock(lock)
        jobs.append(unowned)
        pthread_cond_signal(ready)
        pthread_mutex_unlock(lock)
    }

    func asUnownedSerialExecutor() -> UnownedSerialExecutor {
        UnownedSerialExecutor(ordinary: self)
    }

    private func serve() -> Never {
        WorkerThread.nameCurrent("simwatch-state")
        while true {
            pthread_mutex_lock(lock)
            while jobs.isEmpty { pthread_cond_wait(ready, lock) }
            let batch = jobs
            jobs.removeAll(keepingCapacity: true)
            pthread_mutex_unlock(lock)
            for job in batch { job.runSynchronously(on: asUnownedSerialExecutor()) }
        }
    }
}
