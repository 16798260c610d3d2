import Dispatch
import FoundationEssentials
import Glibc
import Synchronization

/// What a finished child process left behind.
struct ScriptOutcome: Sendable {
    /// The exit status, or the negative signal number that killed it.
    var status: Int32
    var stdout: [UInt8]
    var stderr: [UInt8]
    var timedOut: Bool
}

/// A failure to start or watch a child.
struct ScriptRunnerError: Error, Sendable, CustomStringConvertible {
    var description: String
}

/// Runs a provider's script without a shell, in a process group of its own, with a deadline after which the whole group
/// is killed (SIGTERM, then SIGKILL a second later). The blocking work happens on a Dispatch thread, never on
/// the cooperative pool, so a slow script holds up nothing else. Unlike the channels' `ProcessRunner`, it keeps
/// stdout (the reading) apart from stderr (the log), and kills the group when the poll is cancelled.
enum ScriptRunner {
    static let maxStdout = 64 * 1024

    /// A script that exits before reading its secret must not kill the daemon with SIGPIPE.
    private static let ignoreSIGPIPE: Void = {
        signal(SIGPIPE, SIG_IGN)
    }()
    static let maxStderr = 16 * 1024

    static func run(
        _ argv: [String],
        environment: [String: String],
        input: [UInt8]?,
        timeout: Double
    ) async throws(ScriptRunnerError) -> ScriptOutcome {
        // A cancelled poll (the daemon stopping, the poll timeout) kills the child's whole group at once.
        let child = ScriptGroup()
        let result: Result<ScriptOutcome, ScriptRunnerError> = await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                DispatchQueue.global().async {
                    continuation.resume(
                        returning: runBlocking(
                            argv,
                            environment: environment,
                            input: input,
                            timeout: timeout,
                            child: child
                        )
                    )
                }
            }
        } onCancel: {
            child.kill()
        }
        return try result.get()
    }

    static func runBlocking(
        _ argv: [String],
        environment: [String: String],
        input: [UInt8]?,
        timeout: Double,
        child: ScriptGroup = ScriptGroup()
    ) -> Result<ScriptOutcome, ScriptRunnerError> {
        _ = ignoreSIGPIPE
        var inPipe: [Int32] = [-1, -1]
        var outPipe: [Int32] = [-1, -1]
        var errPipe: [Int32] = [-1, -1]
        guard makePipe(&outPipe), makePipe(&errPipe), input == nil || makePipe(&inPipe) else {
            for fd in inPipe + outPipe + errPipe where fd >= 0 { close(fd) }
            return .failure(ScriptRunnerError(description: "pipe: \(String(cString: strerror(errno)))"))
        }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if input != nil {
            posix_spawn_file_actions_adddup2(&actions, inPipe[0], 0)
        } else {
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        }
        posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // A new process group (so a timeout kills grandchildren too), default signal handling (the daemon ignores
        // SIGHUP, SIGINT and SIGTERM for its Dispatch sources, and ignored signals survive exec), no blocked signals.
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for sig in [SIGHUP, SIGINT, SIGTERM, SIGPIPE, SIGQUIT, SIGCHLD, SIGUSR1, SIGUSR2] { sigaddset(&defaults, sig) }
        var mask = sigset_t()
        sigemptyset(&mask)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setsigmask(&attributes, &mask)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(
            &attributes,
            Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK)
        )

        let cArgs = argv.map { strdup($0) } + [nil]
        let cEnv = environment.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for p in cArgs { free(p) }
            for p in cEnv { free(p) }
        }
        var pid: pid_t = 0
        let spawned = posix_spawnp(&pid, argv[0], &actions, &attributes, cArgs, cEnv)
        for fd in [inPipe[0], outPipe[1], errPipe[1]] where fd >= 0 { close(fd) }
        if spawned == 0 { child.started(pid) }
        guard spawned == 0 else {
            for fd in [inPipe[1], outPipe[0], errPipe[0]] where fd >= 0 { close(fd) }
            return .failure(
                ScriptRunnerError(description: "cannot run \(argv[0]): \(String(cString: strerror(spawned)))")
            )
        }

        if let input {
            // A secret fits in the pipe's buffer; never wait on a child that does not read (or has exited).
            _ = fcntl(inPipe[1], F_SETFL, O_NONBLOCK)
            input.withUnsafeBytes { raw in
                var offset = 0
                while offset < raw.count {
                    let n = write(inPipe[1], raw.baseAddress! + offset, raw.count - offset)
                    if n < 0, errno == EINTR { continue }
                    guard n > 0 else { break }
                    offset += n
                }
            }
            close(inPipe[1])
        }

        var outcome = ScriptOutcome(status: 0, stdout: [], stderr: [], timedOut: false)
        let deadline = monotonicSeconds() + timeout
        var killAt: Double?
        var fds = [
            pollfd(fd: outPipe[0], events: Int16(POLLIN), revents: 0),
            pollfd(fd: errPipe[0], events: Int16(POLLIN), revents: 0),
        ]
        var open = 2
        var buffer = [UInt8](repeating: 0, count: 8192)
        while open > 0 {
            let now = monotonicSeconds()
            if killAt == nil, now >= deadline {
                outcome.timedOut = true
                kill(-pid, SIGTERM)
                killAt = now + 1
            }
            if let at = killAt, now >= at {
                kill(-pid, SIGKILL)
                killAt = .infinity
            }
            let wait =
                killAt.map { $0 == .infinity ? 200 : max(0, ($0 - now) * 1000) } ?? max(0, (deadline - now) * 1000)
            let ready = poll(&fds, nfds_t(fds.count), Int32(min(wait, 1000).rounded(.up)))
            if ready < 0, errno != EINTR { break }
            for i in fds.indices where fds[i].fd >= 0 && fds[i].revents != 0 {
                let n = buffer.withUnsafeMutableBytes { Glibc.read(fds[i].fd, $0.baseAddress, $0.count) }
                if n < 0, errno == EINTR || errno == EAGAIN { continue }
                if n <= 0 {
                    close(fds[i].fd)
                    fds[i].fd = -1
                    open -= 1
                    continue
                }
                if i == 0 {
                    outcome.stdout += buffer[0..<min(n, max(0, maxStdout - outcome.stdout.count))]
                } else {
                    outcome.stderr += buffer[0..<min(n, max(0, maxStderr - outcome.stderr.count))]
                }
            }
        }
        for fd in fds where fd.fd >= 0 { close(fd.fd) }

        // Output closed; the child may still run (it closed its outputs): wait for it, within the deadline.
        var status: Int32 = 0
        while true {
            let reaped = waitpid(pid, &status, WNOHANG)
            if reaped == pid || (reaped < 0 && errno != EINTR) { break }
            if reaped == 0 {
                if monotonicSeconds() >= deadline + 1 {
                    outcome.timedOut = true
                    kill(-pid, SIGKILL)
                }
                usleep(10_000)
            }
        }
        child.finished()
        outcome.status = status & 0x7f == 0 ? (status >> 8) & 0xff : -(status & 0x7f)
        return .success(outcome)
    }

    /// A pipe whose ends are not inherited by other children (pipe2 is not visible from Swift's Glibc).
    static func makePipe(_ fds: inout [Int32]) -> Bool {
        guard pipe(&fds) == 0 else { return false }
        for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        return true
    }

    static func monotonicSeconds() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }
}

/// The process group of a running child, so a cancellation from another thread can kill it (and only while it
/// has not been reaped, so a recycled pid is never signalled).
final class ScriptGroup: Sendable {
    private let state = Mutex<(pid: pid_t?, cancelled: Bool)>((nil, false))

    func started(_ pid: pid_t) {
        let cancelled = state.withLock { s in
            s.pid = pid
            return s.cancelled
        }
        if cancelled { Glibc.kill(-pid, SIGKILL) }
    }

    func finished() {
        state.withLock { $0.pid = nil }
    }

    func kill() {
        state.withLock { s in
            s.cancelled = true
            if let pid = s.pid { Glibc.kill(-pid, SIGKILL) }
        }
    }
}
