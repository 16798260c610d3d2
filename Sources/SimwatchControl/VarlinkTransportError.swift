import Glibc

/// A failure of the Varlink transport itself (socket, framing, timeouts), as opposed to an error reply
/// (`ControlError`). `code` is stable; `errno` is set for `.io` (and for setup errors that come from a syscall).
public struct VarlinkTransportError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong, stable across releases.
    public enum Code: String, Sendable, Hashable {
        /// A message exceeded the size limit.
        case tooLarge
        /// Bytes that are not a Varlink message: bad JSON, not an object, missing `method`, or a misused replier.
        case malformed
        /// The peer closed the connection (or it was closed locally).
        case closed
        /// A read, write, connect or call deadline passed.
        case timeout
        /// A system call failed; `errno` says why.
        case io
        /// Another live process already serves the socket path.
        case addressInUse
        /// The socket path exists and is not a socket; it was left alone.
        case notASocket
    }

    public var code: Code
    /// The underlying errno, 0 when there is none.
    public var errno: Int32
    /// Human-readable detail: the operation or path involved.
    public var detail: String

    public init(code: Code, errno: Int32 = 0, detail: String = "") {
        self.code = code
        self.errno = errno
        self.detail = detail
    }

    /// The peer went away.
    public static let closed = VarlinkTransportError(code: .closed)

    /// A deadline passed.
    public static let timeout = VarlinkTransportError(code: .timeout)

    /// A message larger than `limit` bytes.
    public static func tooLarge(limit: Int) -> VarlinkTransportError {
        VarlinkTransportError(code: .tooLarge, detail: "message larger than \(limit) bytes")
    }

    /// Bytes that are not a valid Varlink message.
    public static func malformed(_ reason: String) -> VarlinkTransportError {
        VarlinkTransportError(code: .malformed, detail: reason)
    }

    /// A failed system call: `operation` names it ("connect /run/user/1000/simwatch/control.sock").
    public static func io(_ errno: Int32, _ operation: String) -> VarlinkTransportError {
        VarlinkTransportError(code: .io, errno: errno, detail: operation)
    }

    /// True when connecting failed because nothing listens on the path: the daemon is not running.
    public var isNotRunning: Bool { code == .io && (errno == ENOENT || errno == ECONNREFUSED) }

    public var description: String {
        switch code {
        case .tooLarge: return detail.isEmpty ? "message too large" : detail
        case .malformed: return "malformed Varlink message" + (detail.isEmpty ? "" : ": \(detail)")
        case .closed: return "connection closed" + (detail.isEmpty ? "" : ": \(detail)")
        case .timeout: return "timed out" + (detail.isEmpty ? "" : ": \(detail)")
        case .io:
            let reason = String(cString: strerror(errno))
            return detail.isEmpty ? reason : "\(detail): \(reason)"
        case .addressInUse, .notASocket: return detail
        }
    }
}
