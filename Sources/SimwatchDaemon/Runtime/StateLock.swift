import Glibc

/// `simwatchd.lock` in the state directory, held with `flock` for the daemon's whole life: a second simwatchd on the
/// same state would race the first over the outbox and send every reminder twice, so it is refused at start.
///
/// The kernel drops the lock when the holder dies, however it dies (SIGKILL, power loss), so a stale file never
/// blocks a restart. The descriptor is close-on-exec: scripts and sendmail never inherit it.
final class StateLock {
    let descriptor: Int32

    /// Takes the lock, or explains who holds it.
    init(directory: String) throws(StateLockError) {
        let path = directory + "/simwatchd.lock"
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard fd >= 0 else { throw .cannotOpen(path: path, errno: errno) }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            let code = errno
            let holder = Self.readPID(fd)
            close(fd)
            if code == EWOULDBLOCK { throw .held(path: path, pid: holder) }
            throw .cannotOpen(path: path, errno: code)
        }
        // The holder's pid, for the message a second daemon prints (and for people).
        let text = Array("\(getpid())\n".utf8)
        if ftruncate(fd, 0) == 0 {
            _ = text.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
        }
        descriptor = fd
    }

    deinit { close(descriptor) }

    /// The pid written by the holder, when it reads as one.
    private static func readPID(_ fd: Int32) -> Int32? {
        var buffer = [UInt8](repeating: 0, count: 16)
        let count = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, 15, 0) }
        guard count > 0 else { return nil }
        let digits = buffer[..<count].prefix { $0 >= 0x30 && $0 <= 0x39 }
        guard !digits.isEmpty, digits.count <= 9 else { return nil }
        return Int32(String(decoding: digits, as: UTF8.self))
    }
}

enum StateLockError: Error, CustomStringConvertible {
    case held(path: String, pid: Int32?)
    case cannotOpen(path: String, errno: Int32)

    var description: String {
        switch self {
        case .held(let path, let pid):
            let who = pid.map { "simwatchd (pid \($0))" } ?? "another simwatchd"
            return
                "\(who) is already using this state directory (it holds \(path)); stop it first "
                + "(systemctl --user stop simwatch) or give this one another --state-dir"
        case .cannotOpen(let path, let errno):
            return "cannot lock \(path): \(String(cString: strerror(errno)))"
        }
    }
}
