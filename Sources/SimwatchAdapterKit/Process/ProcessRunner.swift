import CProcessShim
import Glibc
import SimwatchLoop

/// The one way the daemon runs a program (sendmail for the email channel, a provider's script): `posix_spawn`, no
/// shell, in a process group of its own, with every wait bounded.
///
/// - Descriptors: pipes are created close-on-exec atomically (`pipe2`), and the child's actions close everything
///   above 2, so concurrent spawns never inherit each other's pipes (a leaked write end would keep the other's
///   output open).
/// - Deadline: at `timeout` the group gets SIGTERM, a second later SIGKILL; the leader is then reaped within
///   `reapGrace`, or handed to a background thread that waits for it (a child stuck in the kernel).
/// - Escaped children: once the program itself has exited, its output is read for at most `drainGrace` more. A
///   grandchild that left the group (`setsid`, a daemonising helper) and still holds the pipe cannot block the
///   caller; neither can one that stayed in the group, which `killGroupOnExit` kills.
/// - Input: written without blocking; a child that closes stdin early or exits without reading it is reported
///   (`inputComplete`), never a SIGPIPE for the daemon.
///
/// The blocking part runs on a worker thread of its own, never on the event loop; cancelling the calling task
/// kills the group.
package enum ProcessRunner {
    package struct Request: Sendable {
        package var arguments: [String]
        /// nil: the daemon's environment.
        package var environment: [String: String]?
        /// Written to stdin, which is then closed; nil: stdin is /dev/null.
        package var input: [UInt8]?
        package var timeout: Double
        /// Look `arguments[0]` up in the daemon's PATH when it has no slash.
        package var searchPath = false
        /// Once the program has exited, kill whatever it left running in its process group. Not for sendmail, which
        /// may leave a delivery process behind on purpose.
        package var killGroupOnExit = false
        package var maxStdout = 64 * 1024
        package var maxStderr = 16 * 1024
        /// How long output is still read after the program exited.
        package var drainGrace = 0.5
        /// Between SIGTERM and SIGKILL at the deadline.
        package var killGrace = 1.0
        /// How long to wait for a SIGKILLed leader before leaving it to a background reaper.
        package var reapGrace = 2.0

        package init(
            _ arguments: [String],
            environment: [String: String]? = nil,
            input: [UInt8]? = nil,
            timeout: Double
        ) {
            self.arguments = arguments
            self.environment = environment
            self.input = input
            self.timeout = timeout
        }
    }

    package struct Outcome: Sendable, Hashable {
        /// Exit status, or nil when killed by a signal (`signal` says which) or never reaped.
        package var status: Int32?
        package var signal: Int32?
        /// The deadline passed and the group was killed.
        package var timedOut = false
        /// The calling task was cancelled and the group was killed.
        package var cancelled = false
        /// All of `input` was written before stdin was closed.
        package var inputComplete = true
        /// Output was still open after the program exited (an escaped child holds it) and was abandoned.
        package var outputAbandoned = false
        package var stdout: [UInt8] = []
        package var stderr: [UInt8] = []

        package init() {}
    }

    package struct SpawnError: Error, Sendable, Hashable, CustomStringConvertible {
        package var path: String
        package var errno: Int32
        package var description: String { "cannot run \(path): \(String(cString: strerror(errno)))" }
    }

    package static func run(_ request: Request) async throws(SpawnError) -> Outcome {
        let group = ProcessGroup()
        let outcome: Result<Outcome, SpawnError> = await withTaskCancellationHandler {
            await withCheckedContinuation { answer in
                // Watched on a thread of its own for as long as it runs: two hung scripts must not hold up the
                // others, or the daemon's one thread.
                let started = WorkerThread.detach {
                    answer.resume(
                        returning: Result { () throws(SpawnError) in try runBlocking(request, group: group) }
                    )
                }
                if !started {
                    answer.resume(returning: .failure(SpawnError(path: request.arguments.first ?? "", errno: EAGAIN)))
                }
            }
        } onCancel: {
            group.kill()
        }
        return try outcome.get()
    }

    /// A child that exits before reading all its input must not kill the daemon with SIGPIPE.
    private static let ignoreSIGPIPE: Void = {
        signal(SIGPIPE, SIG_IGN)
    }()

    package static func runBlocking(
        _ request: Request,
        group: ProcessGroup = ProcessGroup()
    ) throws(SpawnError) -> Outcome {
        _ = ignoreSIGPIPE
        let path = request.arguments.first ?? ""
        var pipes = ProcessPipes()
        do throws(SpawnError) {
            try pipes.open(withInput: request.input != nil, path: path)
        } catch {
            pipes.closeAll()
            throw error
        }
        let pid: pid_t
        do throws(SpawnError) {
            pid = try spawn(request, pipes: pipes)
        } catch {
            pipes.closeAll()
            throw error
        }
        pipes.closeChildEnds()
        group.started(pid)
        var watch = ProcessWatch(request: request, pid: pid, group: group, pipes: pipes)
        return watch.run()
    }

    private static func spawn(_ request: Request, pipes: ProcessPipes) throws(SpawnError) -> pid_t {
        let path = request.arguments.first ?? ""
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if request.input != nil {
            posix_spawn_file_actions_adddup2(&actions, pipes.input.read, 0)
        } else {
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        }
        posix_spawn_file_actions_adddup2(&actions, pipes.stdout.write, 1)
        posix_spawn_file_actions_adddup2(&actions, pipes.stderr.write, 2)
        // Everything else closed, whatever its flags (ENOSYS on an old glibc: close-on-exec alone then).
        _ = cprocess_spawn_closefrom(&actions, 3)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // Its own process group (a timeout kills its helpers too), default signal dispositions (the daemon ignores
        // SIGHUP, SIGINT, SIGTERM and SIGPIPE, and ignored signals survive exec), nothing blocked.
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for sig in [SIGHUP, SIGINT, SIGTERM, SIGPIPE, SIGQUIT, SIGCHLD, SIGUSR1, SIGUSR2] { sigaddset(&defaults, sig) }
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(
            &attributes,
            Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK)
        )

        let argv = request.arguments.map { strdup($0) } + [nil]
        let envp = request.environment.map { env in
            env.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") } + [nil]
        }
        defer {
            for p in argv { free(p) }
            for p in envp ?? [] { free(p) }
        }
        var pid: pid_t = 0
        let spawned: Int32
        if let envp {
            spawned =
                request.searchPath
                ? posix_spawnp(&pid, path, &actions, &attributes, argv, envp)
                : posix_spawn(&pid, path, &actions, &attributes, argv, envp)
        } else {
            spawned =
                request.searchPath
                ? posix_spawnp(&pid, path, &actions, &attributes, argv, environ)
                : posix_spawn(&pid, path, &actions, &attributes, argv, environ)
        }
        guard spawned == 0 else { throw SpawnError(path: path, errno: spawned) }
        return pid
    }

    package static func monotonic() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
    }
}
