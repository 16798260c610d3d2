public import FoundationEssentials
import Glibc
import Synchronization

/// The listening Unix socket of the control server: bound by simwatchd itself or passed in by systemd.
///
/// A socket that `bind(path:)` created is removed again by `close()` (if the file is still the one it created);
/// a socket-activated one belongs to systemd and is left in place.
public final class ControlSocket: Sendable {
    /// The listening descriptor: non-blocking, close-on-exec.
    public let descriptor: Int32
    /// The path the socket is bound to ("" when systemd passed an unnamed or abstract socket).
    public let path: String
    /// True when the socket came from systemd (`LISTEN_FDS`).
    public let isSocketActivated: Bool
    // Device and inode of the socket file this process created, so close() never removes a successor's socket.
    private let createdFile: (device: UInt64, inode: UInt64)?
    private let closed = Atomic<Bool>(false)

    private init(
        descriptor: Int32,
        path: String,
        isSocketActivated: Bool,
        createdFile: (device: UInt64, inode: UInt64)?
    ) {
        self.descriptor = descriptor
        self.path = path
        self.isSocketActivated = isSocketActivated
        self.createdFile = createdFile
    }

    deinit { close() }

    /// `$XDG_RUNTIME_DIR/simwatch/control.sock`, or `/run/user/<uid>/simwatch/control.sock` without it.
    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let runtime = environment["XDG_RUNTIME_DIR"], runtime.hasPrefix("/") {
            let base = runtime.hasSuffix("/") ? String(runtime.dropLast()) : runtime
            return "\(base)/simwatch/control.sock"
        }
        return "/run/user/\(getuid())/simwatch/control.sock"
    }

    /// Binds and listens on `path`, creating its directory (the last component 0700) when missing.
    ///
    /// The socket is 0600 from birth (umask 0177 around `bind`). An existing socket that accepts a connection
    /// belongs to a live daemon: that is `.addressInUse` and the file is left alone. One that refuses is stale and
    /// is replaced. Anything that is not a socket is `.notASocket` and left alone.
    public static func bind(path: String, backlog: Int32 = 128) throws(VarlinkTransportError) -> ControlSocket {
        try makeParentDirectory(of: path)
        try removeStaleSocket(at: path)
        let fd = try UnixSocket.make(nonBlocking: true)
        let oldMask = umask(0o177)
        let bound = try UnixSocket.withAddress(path) { Glibc.bind(fd, $0, $1) }
        let bindErrno = errno
        umask(oldMask)
        guard bound == 0 else {
            Glibc.close(fd)
            if bindErrno == EADDRINUSE { throw alreadyServing(path) }
            throw .io(bindErrno, "bind \(path)")
        }
        var info = stat()
        guard lstat(path, &info) == 0 else {
            let code = errno
            Glibc.close(fd)
            throw .io(code, "stat \(path)")
        }
        guard listen(fd, backlog) == 0 else {
            let code = errno
            Glibc.close(fd)
            unlink(path)
            throw .io(code, "listen \(path)")
        }
        return ControlSocket(
            descriptor: fd,
            path: path,
            isSocketActivated: false,
            createdFile: (UInt64(info.st_dev), UInt64(info.st_ino))
        )
    }

    /// The socket systemd passed (fd 3) when `LISTEN_PID` is this process and `LISTEN_FDS` >= 1, else nil.
    ///
    /// Reads the environment directly (no libsystemd). Unsets `LISTEN_PID`, `LISTEN_FDS` and `LISTEN_FDNAMES` so
    /// children do not inherit them; call it early, before other threads read the environment. Only the first
    /// passed descriptor is used.
    public static func fromSystemd(
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(VarlinkTransportError) -> ControlSocket? {
        defer {
            unsetenv("LISTEN_PID")
            unsetenv("LISTEN_FDS")
            unsetenv("LISTEN_FDNAMES")
        }
        return try adopt(environment: environment, firstDescriptor: 3)
    }

    /// `fromSystemd` without touching the process environment, with the first descriptor as a parameter (tests).
    static func adopt(
        environment: [String: String],
        firstDescriptor: Int32
    ) throws(VarlinkTransportError) -> ControlSocket? {
        guard let pid = environment["LISTEN_PID"].flatMap({ pid_t($0) }), pid == getpid(),
            let count = environment["LISTEN_FDS"].flatMap({ Int($0) }), count >= 1
        else { return nil }
        let fd = firstDescriptor
        guard UnixSocket.intOption(fd, SOL_SOCKET, SO_TYPE) == Int32(SOCK_STREAM.rawValue),
            UnixSocket.intOption(fd, SOL_SOCKET, SO_DOMAIN) == AF_UNIX
        else { throw .io(ENOTSOCK, "LISTEN_FDS: descriptor \(fd) is not a Unix stream socket") }
        guard UnixSocket.intOption(fd, SOL_SOCKET, SO_ACCEPTCONN) == 1 else {
            throw .io(EINVAL, "LISTEN_FDS: descriptor \(fd) is not listening (Accept=no expected)")
        }
        try UnixSocket.makeNonBlockingCloseOnExec(fd)
        return ControlSocket(
            descriptor: fd,
            path: UnixSocket.boundPath(fd),
            isSocketActivated: true,
            createdFile: nil
        )
    }

    /// Stops listening; removes the socket file if this process created it and it is still there. Idempotent.
    public func close() {
        guard !closed.exchange(true, ordering: .acquiringAndReleasing) else { return }
        if let createdFile {
            var info = stat()
            if lstat(path, &info) == 0, UInt64(info.st_dev) == createdFile.device,
                UInt64(info.st_ino) == createdFile.inode
            {
                unlink(path)
            }
        }
        Glibc.close(descriptor)
    }

    private static func alreadyServing(_ path: String) -> VarlinkTransportError {
        VarlinkTransportError(
            code: .addressInUse,
            errno: EADDRINUSE,
            detail: "another simwatchd is already serving \(path)"
        )
    }

    private static func removeStaleSocket(at path: String) throws(VarlinkTransportError) {
        var info = stat()
        guard lstat(path, &info) == 0 else {
            if errno == ENOENT { return }
            throw .io(errno, "stat \(path)")
        }
        guard info.st_mode & S_IFMT == S_IFSOCK else {
            throw VarlinkTransportError(
                code: .notASocket,
                errno: EEXIST,
                detail: "\(path) exists and is not a socket; not touching it"
            )
        }
        let probe = try UnixSocket.make(nonBlocking: true)
        defer { Glibc.close(probe) }
        let result = try UnixSocket.withAddress(path) { connect(probe, $0, $1) }
        let code = errno
        // EAGAIN: a full backlog, which is a live listener too.
        if result == 0 || code == EAGAIN || code == EINPROGRESS { throw alreadyServing(path) }
        guard code == ECONNREFUSED || code == ENOENT else { throw .io(code, "connect \(path)") }
        if unlink(path) != 0 && errno != ENOENT { throw .io(errno, "unlink stale socket \(path)") }
    }

    // mkdir -p of the socket's directory; only the directory that holds the socket is made 0700, and only when
    // this call creates it.
    private static func makeParentDirectory(of path: String) throws(VarlinkTransportError) {
        guard let slash = path.lastIndex(of: "/"), slash != path.startIndex else { return }
        try makeDirectory(String(path[..<slash]), mode: 0o700)
    }

    private static func makeDirectory(_ directory: String, mode: mode_t) throws(VarlinkTransportError) {
        var info = stat()
        if stat(directory, &info) == 0 {
            guard info.st_mode & S_IFMT == S_IFDIR else { throw .io(ENOTDIR, "socket directory \(directory)") }
            return
        }
        guard errno == ENOENT else { throw .io(errno, "stat \(directory)") }
        if let slash = directory.lastIndex(of: "/"), slash != directory.startIndex {
            try makeDirectory(String(directory[..<slash]), mode: 0o755)
        }
        if mkdir(directory, mode) != 0 {
            if errno == EEXIST { return }
            throw .io(errno, "mkdir \(directory)")
        }
        // The umask may have removed bits; the socket's own directory must be exactly 0700.
        if mode == 0o700 { chmod(directory, mode) }
    }
}
