import Glibc

/// A failed D-Bus exchange: no bus, a message that could not be built or read, a timeout, or the peer's error reply
/// (then `name` is the D-Bus error name, e.g. `org.freedesktop.DBus.Error.ServiceUnknown`).
public struct DBusError: Error, Sendable, Hashable, CustomStringConvertible {
    public var name: String?
    public var message: String
    /// The call ran out of time: callers report it as a timeout rather than as an unavailable service.
    public var timedOut: Bool

    public init(name: String? = nil, message: String, timedOut: Bool = false) {
        self.name = name
        self.message = message
        self.timedOut = timedOut
    }

    public var description: String { name.map { "\($0): \(message)" } ?? message }

    /// The D-Bus error name sd-bus and dbus-daemon use for a call that ran out of time.
    static let timeoutName = "org.freedesktop.DBus.Error.Timeout"

    /// A local failure: `code` is the positive errno an sd-bus function returned negated.
    static func errno(_ code: Int32, _ what: String) -> DBusError {
        DBusError(message: "\(what): \(Self.text(code))", timedOut: code == ETIMEDOUT)
    }

    /// A failed `sd_bus_call` of `member`: the error reply's name and text when the peer sent one, else the errno.
    static func call(_ member: String, name: String?, text: String?, code: Int32) -> DBusError {
        let detail = text.flatMap { $0.isEmpty ? nil : $0 } ?? Self.text(code)
        return DBusError(
            name: name,
            message: "\(member): \(detail)",
            timedOut: code == ETIMEDOUT || name == timeoutName
        )
    }

    private static func text(_ code: Int32) -> String {
        guard code > 0, let text = strerror(code) else { return "error \(code)" }
        return String(cString: text)
    }
}
