internal import CEventLoop
import Glibc

/// A detached POSIX thread for one blocking job (a libcurl transfer, a child process, a D-Bus call), kept off the
/// event loop and Swift's executor so a slow peer never stalls the daemon. An idle daemon has none.
public final class WorkerThread: @unchecked Sendable {
    // @unchecked: `body` is set once in init and run once, on the new thread.
    private let body: @Sendable () -> Void

    private init(_ body: @escaping @Sendable () -> Void) {
        self.body = body
    }

    /// Names the calling thread (15 bytes at most), as `top -H` and /proc/PID/task/TID/comm show it.
    public static func nameCurrent(_ name: String) {
        sw_thread_set_name(name)
    }

    /// Starts `body` on a new detached thread; false if the system refused one.
    public static func detach(_ body: @escaping @Sendable () -> Void) -> Bool {
        let box = Unmanaged.passRetained(WorkerThread(body))
        var handle = pthread_t()
        let started = pthread_create(
            &handle,
            nil,
            { raw in
                guard let raw else { return nil }
                Unmanaged<WorkerThread>.fromOpaque(raw).takeRetainedValue().body()
                return nil
            },
            box.toOpaque()
        )
        guard started == 0 else {
            box.release()
            return false
        }
        pthread_detach(handle)
        return true
    }
}
