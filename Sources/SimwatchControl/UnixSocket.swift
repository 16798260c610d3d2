import Glibc

// Small wrappers over the socket calls the listener, server and client share.
enum UnixSocket {
    /// `socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC [| SOCK_NONBLOCK])`.
    static func make(nonBlocking: Bool) throws(VarlinkTransportError) -> Int32 {
        var type = Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue)
        if nonBlocking { type |= Int32(SOCK_NONBLOCK.rawValue) }
        let fd = socket(AF_UNIX, type, 0)
        guard fd >= 0 else { throw .io(errno, "socket") }
        return fd
    }

    /// Calls `body` with a `sockaddr_un` for `path`; a path too long for `sun_path` is ENAMETOOLONG.
    static func withAddress<R>(
        _ path: String,
        _ body: (UnsafePointer<sockaddr>, socklen_t) -> R
    ) throws(VarlinkTransportError) -> R {
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        let capacity = MemoryLayout.size(ofValue: address.sun_path)
        guard !bytes.isEmpty, bytes.count < capacity, !bytes.contains(0) else {
            throw .io(ENAMETOOLONG, "socket path \(path) (at most \(capacity - 1) bytes)")
        }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: bytes)
            raw[bytes.count] = 0
        }
        let length = socklen_t(MemoryLayout<sockaddr_un>.offset(of: \.sun_path)! + bytes.count + 1)
        return withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { body($0, length) }
        }
    }

    /// The path a Unix socket is bound to, or "" for an unnamed or abstract one.
    static func boundPath(_ fd: Int32) -> String {
        var address = sockaddr_un()
        var length = socklen_t(MemoryLayout<sockaddr_un>.size)
        let result = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        guard result == 0, address.sun_family == sa_family_t(AF_UNIX) else { return "" }
        return withUnsafeBytes(of: address.sun_path) { raw in
            guard raw.first != 0 else { return "" }
            let end = raw.firstIndex(of: 0) ?? raw.count
            return String(decoding: raw[..<end], as: UTF8.self)
        }
    }

    /// Sets O_NONBLOCK and FD_CLOEXEC on an inherited descriptor.
    static func makeNonBlockingCloseOnExec(_ fd: Int32) throws(VarlinkTransportError) {
        let flags = fcntl(fd, F_GETFL)
        guard flags >= 0, fcntl(fd, F_SETFL, flags | O_NONBLOCK) == 0 else { throw .io(errno, "fcntl O_NONBLOCK") }
        let fdFlags = fcntl(fd, F_GETFD)
        guard fdFlags >= 0, fcntl(fd, F_SETFD, fdFlags | FD_CLOEXEC) == 0 else {
            throw .io(errno, "fcntl FD_CLOEXEC")
        }
    }

    /// An integer socket option.
    static func intOption(_ fd: Int32, _ level: Int32, _ name: Int32) -> Int32? {
        var value: Int32 = 0
        var length = socklen_t(MemoryLayout<Int32>.size)
        guard getsockopt(fd, level, name, &value, &length) == 0 else { return nil }
        return value
    }

    /// Sends as much of `bytes` as the socket takes without blocking forever; never raises SIGPIPE.
    static func send(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Int {
        Glibc.send(fd, bytes.baseAddress, bytes.count, Int32(MSG_NOSIGNAL))
    }

    /// Accepts a connection as non-blocking and close-on-exec in one step (`accept4`), so a child spawned by another
    /// thread never inherits it. Glibc declares accept4 only under _GNU_SOURCE, hence the lookup.
    static func accept(_ listener: Int32) -> Int32 {
        let flags = Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue)
        if let accept4 = accept4Function {
            return accept4(listener, nil, nil, flags)
        }
        let fd = Glibc.accept(listener, nil, nil)
        if fd >= 0 { try? makeNonBlockingCloseOnExec(fd) }
        return fd
    }

    private typealias Accept4 =
        @convention(c) (
            Int32, UnsafeMutablePointer<sockaddr>?, UnsafeMutablePointer<socklen_t>?, Int32
        ) -> Int32

    private static let accept4Function: Accept4? = {
        // RTLD_DEFAULT is a null handle.
        guard let symbol = dlsym(nil, "accept4") else { return nil }
        return unsafeBitCast(symbol, to: Accept4.self)
    }()

    /// True when `errno` says the peer is gone.
    static func isDisconnect(_ error: Int32) -> Bool {
        error == EPIPE || error == ECONNRESET || error == ENOTCONN
    }
}
