import CProcessShim
import Glibc

/// The pipes of one spawn, close-on-exec from their creation (`pipe2`): the child gets its ends through dup2 (which
/// clears the flag on 0, 1 and 2 only), and no other child, spawned meanwhile on another thread, gets any.
struct ProcessPipes {
    struct Pair {
        var read: Int32 = -1
        var write: Int32 = -1
    }

    var input = Pair()
    var stdout = Pair()
    var stderr = Pair()

    mutating func open(withInput: Bool, path: String) throws(ProcessRunner.SpawnError) {
        for keyPath in withInput ? [\Self.stdout, \.stderr, \.input] : [\Self.stdout, \.stderr] {
            var fds: [Int32] = [-1, -1]
            guard cprocess_pipe_cloexec(&fds) == 0 else { throw ProcessRunner.SpawnError(path: path, errno: errno) }
            self[keyPath: keyPath] = Pair(read: fds[0], write: fds[1])
        }
    }

    /// After the spawn: the child has its copies.
    mutating func closeChildEnds() {
        Self.close(&input.read)
        Self.close(&stdout.write)
        Self.close(&stderr.write)
    }

    mutating func closeAll() {
        for keyPath in [\Self.input, \.stdout, \.stderr] {
            Self.close(&self[keyPath: keyPath].read)
            Self.close(&self[keyPath: keyPath].write)
        }
    }

    static func close(_ fd: inout Int32) {
        if fd >= 0 { _ = Glibc.close(fd) }
        fd = -1
    }
}
