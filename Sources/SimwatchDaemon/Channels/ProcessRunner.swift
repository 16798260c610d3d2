import Dispatch
import Glibc

/// Runs a program with `posix_spawn` (no shell), feeds it `input` on stdin and collects its stderr, with a deadline:
/// a child still running then is killed with its whole process group. The blocking part runs on its own Dispatch
/// thread, never on Swift's cooperative pool.
struct ProcessRunner: Sendable {
    struct Result: Sendable, Hashable {
        /// Exit status, or nil when killed by a signal (`signal` says which).
        var status: Int32?
        var signal: Int32?
        var timedOut: Bool
        /// The end of what it wrote on stderr and stdout (at most 4 KiB).
        var output: String
    }

    struct SpawnError: Error, Sendable, Hashable, CustomStringConvertible {
        var path: String
        var errno: Int32
        var description: String { "cannot run \(path): \(String(cString: strerror(errno)))" }
    }

    /// Runs `arguments[0]` with `arguments`, in the daemon's environment.
    static func run(
        _ arguments: [String],
        input: [UInt8],
        timeout: Double
    ) async throws(SpawnError) -> Result {
        let outcome: Swift.Result<Result, SpawnError> = await withCheckedContinuation { answer in
            DispatchQueue.global().async {
                answer.resume(
                    returning: Swift.Result { () throws(SpawnError) in
                        try runBlocking(arguments, input: input, timeout: timeout)
                    }
                )
            }
        }
        return try outcome.get()
    }

    private static let ignoreSIGPIPE: Void = {
        // A child that exits before reading all its input must not kill the daemon with SIGPIPE.
        signal(SIGPIPE, SIG_IGN)
    }()

    static func runBlocking(_ arguments: [String], input: [UInt8], timeout: Double) throws(SpawnError) -> Result {
        _ = ignoreSIGPIPE
        let path = arguments[0]
        var stdinPipe: [Int32] = [-1, -1]
        var outPipe: [Int32] = [-1, -1]
        guard pipe(&stdinPipe) == 0 else { throw SpawnError(path: path, errno: errno) }
        guard pipe(&outPipe) == 0 else {
            let e = errno
            close(stdinPipe[0])
            close(stdinPipe[1])
            throw SpawnError(path: path, errno: e)
        }
        // Our ends must not leak into other children (the child's copies are dup2'ed, which clears the flag).
        for fd in stdinPipe + outPipe { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, stdinPipe[0], 0)
        posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, outPipe[1], 2)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // Its own process group (so a timeout kills helpers it started too), default signal dispositions (the
        // daemon ignores some), nothing blocked.
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for sig in [SIGPIPE, SIGHUP, SIGTERM, SIGINT, SIGCHLD] { sigaddset(&defaults, sig) }
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(
            &attributes,
            Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK)
        )

        var pid: pid_t = 0
        let argv = arguments.map { strdup($0) } + [nil]
        defer { for p in argv { free(p) } }
        let spawned = posix_spawn(&pid, path, &actions, &attributes, argv, environ)
        close(stdinPipe[0])
        close(outPipe[1])
        guard spawned == 0 else {
            close(stdinPipe[1])
            close(outPipe[0])
            throw SpawnError(path: path, errno: spawned)
        }
        var output: [UInt8] = []
        let deadline = monotonic() + timeout
        var timedOut = pump(input: input, to: stdinPipe[1], from: outPipe[0], into: &output, deadline: deadline)
        close(outPipe[0])
        var status: Int32 = 0
        // Output closed: wait for the exit, still within the deadline.
        while !timedOut {
            let done = waitpid(pid, &status, WNOHANG)
            if done == pid || (done < 0 && errno != EINTR) { break }
            if monotonic() >= deadline {
                timedOut = true
            } else {
                usleep(5000)
            }
        }
        if timedOut {
            kill(-pid, SIGKILL)
            while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        }
        let exited = (status & 0x7F) == 0
        let text = String(decoding: output.suffix(4096), as: UTF8.self)
        return Result(
            status: exited ? (status >> 8) & 0xFF : nil,
            signal: exited ? nil : status & 0x7F,
            timedOut: timedOut,
            output: text.trimmingSpaces
        )
    }

    static func monotonic() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
    }

    /// Writes `input` (then closes stdin) and reads output until the child closes its end or the deadline passes.
    /// Returns true on timeout.
    private static func pump(
        input: [UInt8],
        to inFD: Int32,
        from outFD: Int32,
        into output: inout [UInt8],
        deadline: Double
    ) -> Bool {
        var written = 0
        var inOpen = true
        _ = fcntl(inFD, F_SETFL, fcntl(inFD, F_GETFL) | O_NONBLOCK)
        if input.isEmpty {
            close(inFD)
            inOpen = false
        }
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let left = deadline - monotonic()
            if left <= 0 {
                if inOpen { close(inFD) }
                return true
            }
            var fds = [pollfd(fd: outFD, events: Int16(POLLIN), revents: 0)]
            if inOpen { fds.append(pollfd(fd: inFD, events: Int16(POLLOUT), revents: 0)) }
            let ready = poll(&fds, nfds_t(fds.count), Int32(min(left * 1000 + 1, 1000)))
            if ready < 0 {
                if errno == EINTR { continue }
                if inOpen { close(inFD) }
                return false
            }
            if inOpen, fds.count > 1, fds[1].revents != 0 {
                let n = input[written...].withUnsafeBytes { write(inFD, $0.baseAddress, $0.count) }
                if n > 0 { written += n }
                if written >= input.count || (n < 0 && errno != EAGAIN && errno != EINTR) {
                    close(inFD)
                    inOpen = false
                }
            }
            if fds[0].revents != 0 {
                let n = read(outFD, &buffer, buffer.count)
                if n > 0 {
                    output.append(contentsOf: buffer[0..<n])
                    if output.count > 65536 { output.removeFirst(output.count - 8192) }
                } else if n == 0 || (errno != EAGAIN && errno != EINTR) {
                    if inOpen { close(inFD) }
                    return false
                }
            }
        }
    }
}
