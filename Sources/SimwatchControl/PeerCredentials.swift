public import Glibc

/// Who is on the other end of a Unix socket, as the kernel recorded it at connect time (`SO_PEERCRED`).
public struct PeerCredentials: Sendable, Hashable, CustomStringConvertible {
    public var pid: pid_t
    public var uid: uid_t
    public var gid: gid_t

    public init(pid: pid_t, uid: uid_t, gid: gid_t) {
        self.pid = pid
        self.uid = uid
        self.gid = gid
    }

    /// Reads the credentials of the peer connected to `socket`.
    public static func of(socket: Int32) throws(VarlinkTransportError) -> PeerCredentials {
        var cred = UCred()
        var length = socklen_t(MemoryLayout<UCred>.size)
        let result = withUnsafeMutablePointer(to: &cred) { getsockopt(socket, SOL_SOCKET, SO_PEERCRED, $0, &length) }
        guard result == 0 else { throw .io(errno, "getsockopt SO_PEERCRED") }
        guard length == socklen_t(MemoryLayout<UCred>.size) else {
            throw .io(EINVAL, "getsockopt SO_PEERCRED returned \(length) bytes")
        }
        return PeerCredentials(pid: cred.pid, uid: cred.uid, gid: cred.gid)
    }

    public var description: String { "pid \(pid) uid \(uid) gid \(gid)" }
}

// Mirrors `struct ucred { pid_t pid; uid_t uid; gid_t gid; }`, which Glibc declares only under _GNU_SOURCE.
// Three 32-bit fields: Swift lays them out in order with no padding, 12 bytes like C.
private struct UCred {
    var pid: pid_t = 0
    var uid: uid_t = 0
    var gid: gid_t = 0
}
