internal import CSystemd
import Glibc

/// Writes structured entries to the systemd journal with `sd_journal_sendv` (the variadic `sd_journal_send` is not
/// callable from Swift).
public struct Journal: Sendable {
    public static let socketPath = "/run/systemd/journal/socket"

    public init() {}

    /// True when journald listens on its socket. A socket file left behind by a stopped journald refuses the
    /// connection, which counts as no journal.
    public var isReachable: Bool {
        let fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let path = Array(Self.socketPath.utf8)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: path.prefix(raw.count - 1))
        }
        let size = socklen_t(MemoryLayout<sockaddr_un>.size)
        return withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, size) == 0 }
        }
    }

    /// True when our stderr is already connected to the journal (running under systemd), so echoing to stderr
    /// would log everything twice.
    public static var stderrIsJournal: Bool {
        guard let value = getenv("JOURNAL_STREAM").map({ String(cString: $0) }) else { return false }
        let parts = value.split(separator: ":")
        var st = stat()
        guard parts.count == 2, fstat(2, &st) == 0 else { return false }
        return String(st.st_dev) == parts[0] && String(st.st_ino) == parts[1]
    }

    /// Sends one entry. Field names must be upper-case `[A-Z0-9_]`; values may hold any bytes, newlines included.
    /// Throws the negative errno on failure.
    public func send(_ fields: [(String, String)]) throws(JournalError) {
        let items = fields.map { Array("\($0.0)=\($0.1)".utf8) }
        let result = Self.withIovecs(items) { iovecs in
            iovecs.withUnsafeBufferPointer { sd_journal_sendv($0.baseAddress, Int32($0.count)) }
        }
        if result < 0 { throw JournalError(errno: -result) }
    }

    private static func withIovecs<R>(_ items: [[UInt8]], _ body: ([iovec]) -> R) -> R {
        var buffers: [UnsafeMutableRawBufferPointer] = []
        defer {
            for buffer in buffers { buffer.deallocate() }
        }
        var iovecs: [iovec] = []
        for item in items {
            let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: max(item.count, 1), alignment: 1)
            buffer.copyBytes(from: item)
            buffers.append(buffer)
            iovecs.append(iovec(iov_base: buffer.baseAddress, iov_len: item.count))
        }
        return body(iovecs)
    }
}

/// A failed journal write, with the errno.
public struct JournalError: Error, Sendable, CustomStringConvertible {
    public var errno: Int32

    public var description: String { "journal write failed: \(String(cString: strerror(errno)))" }
}
