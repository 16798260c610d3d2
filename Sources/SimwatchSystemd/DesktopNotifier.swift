internal import CSystemd
import Glibc
import SimwatchLoop

/// `org.freedesktop.Notifications.Notify` on the session bus through sd-bus. The variadic sd-bus helpers are not
/// callable from Swift, so the call is built field by field. Each notice opens its own connection on a Dispatch
/// thread (sd-bus calls block), found through `DBUS_SESSION_BUS_ADDRESS` or `$XDG_RUNTIME_DIR/bus`.
public struct DesktopNotifier: Sendable {
    /// One notice.
    public struct Notice: Sendable, Hashable {
        public var appName: String
        public var summary: String
        public var body: String
        /// 0 low, 1 normal, 2 critical.
        public var urgency: UInt8
        /// Milliseconds; -1 lets the server decide, 0 never expires.
        public var expireTimeout: Int32
        /// Hint `category`, e.g. "network".
        public var category: String?

        public init(
            appName: String,
            summary: String,
            body: String,
            urgency: UInt8,
            expireTimeout: Int32,
            category: String? = nil
        ) {
            self.appName = appName
            self.summary = summary
            self.body = body
            self.urgency = urgency
            self.expireTimeout = expireTimeout
            self.category = category
        }
    }

    /// A failed call: no session bus, no notification server, or an error reply.
    public struct Failure: Error, Sendable, Hashable, CustomStringConvertible {
        /// The D-Bus error name ("org.freedesktop.DBus.Error.ServiceUnknown") or "errno".
        public var name: String
        public var message: String
        public var description: String { "\(name): \(message)" }
    }

    public init() {}

    /// Shows `notice`; returns the server's notification id.
    public func notify(_ notice: Notice, timeout: Double) async throws(Failure) -> UInt32 {
        let result: Result<UInt32, Failure> = await withCheckedContinuation { answer in
            let started = WorkerThread.detach {
                answer.resume(returning: Result { () throws(Failure) in try Self.call(notice, timeout: timeout) })
            }
            if !started {
                answer.resume(returning: .failure(Failure(name: "errno", message: "no thread for the D-Bus call")))
            }
        }
        return try result.get()
    }

    static func call(_ notice: Notice, timeout: Double) throws(Failure) -> UInt32 {
        var bus: OpaquePointer?
        var r = sd_bus_open_user(&bus)
        guard r >= 0, let bus else { throw errnoFailure(-r, "cannot connect to the session bus") }
        defer { sd_bus_flush_close_unref(bus) }
        var message: OpaquePointer?
        r = sd_bus_message_new_method_call(
            bus,
            &message,
            "org.freedesktop.Notifications",
            "/org/freedesktop/Notifications",
            "org.freedesktop.Notifications",
            "Notify"
        )
        guard r >= 0, let message else { throw errnoFailure(-r, "cannot build the call") }
        defer { sd_bus_message_unref(message) }
        r = append(message, notice)
        guard r >= 0 else { throw errnoFailure(-r, "cannot build the call") }

        var error = sd_bus_error()
        defer { sd_bus_error_free(&error) }
        var reply: OpaquePointer?
        r = sd_bus_call(bus, message, UInt64(max(0.1, timeout) * 1_000_000), &error, &reply)
        defer { if let reply { sd_bus_message_unref(reply) } }
        guard r >= 0 else {
            if let name = error.name {
                let text = error.message.map { String(cString: $0) } ?? ""
                throw Failure(name: String(cString: name), message: text)
            }
            throw errnoFailure(-r, "the call failed")
        }
        var id: UInt32 = 0
        if let reply { _ = sd_bus_message_read_basic(reply, type("u"), &id) }
        return id
    }

    /// Notify(app_name s, replaces_id u, app_icon s, summary s, body s, actions as, hints a{sv}, expire_timeout i)
    private static func append(_ m: OpaquePointer, _ notice: Notice) -> Int32 {
        var replaces: UInt32 = 0
        var expire = notice.expireTimeout
        var urgency = notice.urgency
        var steps: [() -> Int32] = [
            { string(m, notice.appName) },
            { sd_bus_message_append_basic(m, type("u"), &replaces) },
            { string(m, "") },
            { string(m, notice.summary) },
            { string(m, notice.body) },
            { sd_bus_message_open_container(m, type("a"), "s") },
            { sd_bus_message_close_container(m) },
            { sd_bus_message_open_container(m, type("a"), "{sv}") },
            { sd_bus_message_open_container(m, type("e"), "sv") },
            { string(m, "urgency") },
            { sd_bus_message_open_container(m, type("v"), "y") },
            { sd_bus_message_append_basic(m, type("y"), &urgency) },
            { sd_bus_message_close_container(m) },
            { sd_bus_message_close_container(m) },
        ]
        if let category = notice.category {
            steps += [
                { sd_bus_message_open_container(m, type("e"), "sv") },
                { string(m, "category") },
                { sd_bus_message_open_container(m, type("v"), "s") },
                { string(m, category) },
                { sd_bus_message_close_container(m) },
                { sd_bus_message_close_container(m) },
            ]
        }
        steps += [
            { sd_bus_message_close_container(m) },
            { sd_bus_message_append_basic(m, type("i"), &expire) },
        ]
        for step in steps {
            let r = step()
            if r < 0 { return r }
        }
        return 0
    }

    /// Strings go in by their own pointer (sd_bus_message_append_basic's rule for string types). D-Bus strings must be
    /// valid UTF-8 without NUL: Swift strings are UTF-8, and NULs are dropped.
    private static func string(_ m: OpaquePointer, _ value: String) -> Int32 {
        let clean = value.contains("\0") ? String(value.unicodeScalars.filter { $0 != "\0" }) : value
        return clean.withCString { sd_bus_message_append_basic(m, type("s"), $0) }
    }

    private static func type(_ c: Unicode.Scalar) -> CChar { CChar(truncatingIfNeeded: c.value) }

    private static func errnoFailure(_ code: Int32, _ what: String) -> Failure {
        Failure(name: "errno", message: "\(what): \(String(cString: strerror(code)))")
    }
}
