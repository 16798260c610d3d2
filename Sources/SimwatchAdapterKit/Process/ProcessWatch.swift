import CProcessShim
import Glibc
import SimwatchLoop

/// The loop that feeds a spawned child its input, collects its output and waits for it, each within a bound (see
/// `ProcessRunner`). Every pass checks, without reaping, whether the program has exited, so the group can still be
/// signalled safely; the poll never sleeps longer than `slice`.
struct ProcessWatch {
    static let slice = 0.025

    let request: ProcessRunner.Request
    let pid: pid_t
    let group: ProcessGroup
    var inFD: Int32
    var outFD: Int32
    var errFD: Int32
    var written = 0
    var outcome = ProcessRunner.Outcome()

    init(request: ProcessRunner.Request, pid: pid_t, group: ProcessGroup, pipes: ProcessPipes) {
        self.request = request
        self.pid = pid
        self.group = group
        inFD = pipes.input.write
        outFD = pipes.stdout.read
        errFD = pipes.stderr.read
    }

    mutating func run() -> ProcessRunner.Outcome {
        let deadline = ProcessRunner.monotonic() + request.timeout
        var killAt = Double.infinity
        var abandonAt = Double.infinity
        var exitedAt: Double?
        var rawStatus: Int32?
        let input = request.input ?? []
        if inFD >= 0 {
            _ = fcntl(inFD, F_SETFL, fcntl(inFD, F_GETFL) | O_NONBLOCK)
            if input.isEmpty { closeInput(total: 0) }
        }
        var buffer = [UInt8](repeating: 0, count: 8192)
        while true {
            let now = ProcessRunner.monotonic()
            if exitedAt == nil, cprocess_has_exited(pid) != 0 {
                exitedAt = now
                // Helpers left in its group die with it when asked (and always after a timeout or cancellation).
                if request.killGroupOnExit || outcome.timedOut || group.cancelled { Glibc.kill(-pid, SIGKILL) }
                closeInput(total: input.count)
                group.finished()
                rawStatus = reap()
            }
            if let exitedAt {
                if outFD < 0 && errFD < 0 { break }
                if now >= exitedAt + request.drainGrace {
                    outcome.outputAbandoned = true
                    break
                }
            } else {
                if !outcome.timedOut, now >= deadline {
                    outcome.timedOut = true
                    closeInput(total: input.count)
                    group.signal(SIGTERM)
                    killAt = now + request.killGrace
                }
                if now >= killAt {
                    group.signal(SIGKILL)
                    killAt = .infinity
                    abandonAt = now + request.reapGrace
                }
                if now >= abandonAt {
                    // Stuck in the kernel: a background thread reaps it whenever it goes.
                    group.finished()
                    let pid = self.pid
                    // (No thread to spare: the zombie waits for simwatchd's exit, which is when it would go anyway.)
                    _ = WorkerThread.detach {
                        var status: Int32 = 0
                        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
                    }
                    break
                }
            }
            let until = exitedAt.map { $0 + request.drainGrace } ?? min(deadline, killAt, abandonAt)
            let wait = max(0, min(until - now, Self.slice))
            pollOnce(milliseconds: Int32((wait * 1000).rounded(.up)), input: input, buffer: &buffer)
        }
        ProcessPipes.close(&inFD)
        ProcessPipes.close(&outFD)
        ProcessPipes.close(&errFD)
        outcome.cancelled = group.cancelled
        if let rawStatus {
            if rawStatus & 0x7F == 0 {
                outcome.status = (rawStatus >> 8) & 0xFF
            } else {
                outcome.signal = rawStatus & 0x7F
            }
        }
        return outcome
    }

    /// The exit status of the exited leader; nil if someone else reaped it.
    private func reap() -> Int32? {
        var status: Int32 = 0
        while true {
            let done = waitpid(pid, &status, 0)
            if done == pid { return status }
            if done < 0, errno == EINTR { continue }
            return nil
        }
    }

    private mutating func closeInput(total: Int) {
        guard inFD >= 0 else { return }
        if written < total { outcome.inputComplete = false }
        ProcessPipes.close(&inFD)
    }

    private mutating func pollOnce(milliseconds: Int32, input: [UInt8], buffer: inout [UInt8]) {
        // Which stream each entry is: 0 stdout, 1 stderr, 2 stdin.
        var streams: [Int] = []
        var fds: [pollfd] = []
        for (stream, fd) in [outFD, errFD, inFD].enumerated() where fd >= 0 {
            streams.append(stream)
            fds.append(pollfd(fd: fd, events: Int16(stream == 2 ? POLLOUT : POLLIN), revents: 0))
        }
        if fds.isEmpty {
            usleep(UInt32(milliseconds) * 1000)
            return
        }
        guard poll(&fds, nfds_t(fds.count), milliseconds) > 0 else { return }
        for (stream, entry) in zip(streams, fds) where entry.revents != 0 {
            switch stream {
            case 0: Self.read(&outFD, limit: request.maxStdout, into: &outcome.stdout, buffer: &buffer)
            case 1: Self.read(&errFD, limit: request.maxStderr, into: &outcome.stderr, buffer: &buffer)
            default: writeInput(input)
            }
        }
    }

    private mutating func writeInput(_ input: [UInt8]) {
        let n = input[written...].withUnsafeBytes { write(inFD, $0.baseAddress, $0.count) }
        if n > 0 {
            written += n
            if written >= input.count { closeInput(total: input.count) }
        } else if n < 0, errno != EAGAIN, errno != EINTR {
            // EPIPE: it closed stdin early.
            closeInput(total: input.count)
        }
    }

    /// Reads what is there; keeps the first `limit` bytes and drops the rest (still reading, so the child never
    /// blocks on a full pipe); closes `fd` at its end.
    private static func read(_ fd: inout Int32, limit: Int, into kept: inout [UInt8], buffer: inout [UInt8]) {
        let source = fd
        let n = buffer.withUnsafeMutableBytes { Glibc.read(source, $0.baseAddress, $0.count) }
        if n < 0, errno == EINTR || errno == EAGAIN { return }
        guard n > 0 else {
            ProcessPipes.close(&fd)
            return
        }
        kept += buffer[0..<min(n, max(0, limit - kept.count))]
    }
}
