package import Glibc
import Synchronization

/// The process group of a running child, so that a cancellation on another thread can kill it, and only while its
/// leader is unreaped: the pid, and with it the group id, cannot be reused before then, so no stranger is signalled.
package final class ProcessGroup: Sendable {
    private let state = Mutex<(pid: pid_t?, cancelled: Bool)>((nil, false))

    /// Whether `kill()` was called (before or after the start).
    package var cancelled: Bool { state.withLock { $0.cancelled } }

    package func started(_ pid: pid_t) {
        let cancelled = state.withLock { s in
            s.pid = pid
            return s.cancelled
        }
        if cancelled { Glibc.kill(-pid, SIGKILL) }
    }

    /// Called just before the leader is reaped; later `kill()`s do nothing.
    package func finished() {
        state.withLock { $0.pid = nil }
    }

    /// SIGKILL to the whole group now, or as soon as it starts.
    package func kill() {
        state.withLock { s in
            s.cancelled = true
            if let pid = s.pid { Glibc.kill(-pid, SIGKILL) }
        }
    }

    /// `signal` to the group while its leader is unreaped.
    package func signal(_ signal: Int32) {
        state.withLock { s in
            if let pid = s.pid {
                Glibc.kill(-pid, signal)
                Glibc.kill(pid, signal)
            }
        }
    }
}
