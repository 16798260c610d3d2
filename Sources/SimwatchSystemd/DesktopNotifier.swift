/// `org.freedesktop.Notifications.Notify` on the session bus. Each notice opens its own `DBusConnection` on a
/// worker thread (sd-bus calls block), found through `DBUS_SESSION_BUS_ADDRESS` or `$XDG_RUNTIME_DIR/bus`.
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

    public init() {}

    /// Shows `notice`; returns the server's notification id. Fails with the server's error reply, or when there is
    /// no session bus or no notification server.
    public func notify(_ notice: Notice, timeout: Double) async throws(DBusError) -> UInt32 {
        let result = await DBusThread.run(
            { Result { () throws(DBusError) in try Self.call(notice, timeout: timeout) } },
            noThread: DBusError(message: "no thread for the D-Bus call")
        )
        return try result.get()
    }

    static func call(_ notice: Notice, timeout: Double) throws(DBusError) -> UInt32 {
        let bus = try DBusConnection(.session)
        let reply = try bus.call(
            "org.freedesktop.Notifications",
            "/org/freedesktop/Notifications",
            "org.freedesktop.Notifications",
            "Notify",
            arguments(notice),
            timeout: timeout
        )
        return reply.first?.uint.flatMap { UInt32(exactly: $0) } ?? 0
    }

    /// Notify(app_name s, replaces_id u, app_icon s, summary s, body s, actions as, hints a{sv}, expire_timeout i)
    static func arguments(_ notice: Notice) -> [DBusArgument] {
        var hints: [(String, DBusArgument)] = [("urgency", .byte(notice.urgency))]
        if let category = notice.category { hints.append(("category", .string(category))) }
        return [
            .string(notice.appName), .uint32(0), .string(""), .string(notice.summary), .string(notice.body),
            .strings([]), .vardict(hints), .int32(notice.expireTimeout),
        ]
    }
}
