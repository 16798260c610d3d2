import SimwatchLoop
import Synchronization

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
        /// A page a "Renew" button opens, where the server offers buttons (`actions`).
        public var link: String?
        /// The button's label, in the reader's language.
        public var buttonLabel: String

        public init(
            appName: String,
            summary: String,
            body: String,
            urgency: UInt8,
            expireTimeout: Int32,
            category: String? = nil,
            link: String? = nil,
            buttonLabel: String = "Renew"
        ) {
            self.appName = appName
            self.summary = summary
            self.body = body
            self.urgency = urgency
            self.expireTimeout = expireTimeout
            self.category = category
            self.link = link
            self.buttonLabel = buttonLabel
        }
    }

    public init() {}

    /// Shows `notice`; returns the server's notification id. Fails with the server's error reply, or when there is
    /// no session bus or no notification server. When the notice has a link, the server offers buttons and
    /// `open` is given, a "Renew" button is added: the connection stays open on its worker thread, waiting (bounded)
    /// for the button or the notice's closing, and `open` gets the link when the button is pressed.
    public func notify(
        _ notice: Notice,
        timeout: Double,
        open: (@Sendable (String) -> Void)? = nil
    ) async throws(DBusError) -> UInt32 {
        let result: Result<UInt32, DBusError>? = await withCheckedContinuation { answer in
            let started = WorkerThread.detach {
                let bus: DBusConnection
                let id: UInt32
                var button: (link: String, open: @Sendable (String) -> Void)?
                do throws(DBusError) {
                    bus = try DBusConnection(.session)
                    if let link = notice.link, let open, try Self.claimWaiter(bus) { button = (link, open) }
                    id = try Self.call(notice, on: bus, button: button != nil, timeout: timeout)
                } catch {
                    if button != nil { Self.waiters.subtract(1, ordering: .relaxed) }
                    answer.resume(returning: .failure(error))
                    return
                }
                answer.resume(returning: .success(id))
                guard let button else { return }
                defer { Self.waiters.subtract(1, ordering: .relaxed) }
                Self.waitForButton(on: bus, id: id, notice: notice, button: button)
            }
            if !started { answer.resume(returning: nil) }
        }
        return try (result ?? .failure(DBusError(message: "no thread for the D-Bus call"))).get()
    }

    static func call(
        _ notice: Notice,
        on bus: DBusConnection,
        button: Bool,
        timeout: Double
    ) throws(DBusError) -> UInt32 {
        let reply = try bus.call(
            "org.freedesktop.Notifications",
            "/org/freedesktop/Notifications",
            "org.freedesktop.Notifications",
            "Notify",
            arguments(notice, button: button),
            timeout: timeout
        )
        return reply.first?.uint.flatMap { UInt32(exactly: $0) } ?? 0
    }

    /// Notify(app_name s, replaces_id u, app_icon s, summary s, body s, actions as, hints a{sv}, expire_timeout i)
    static func arguments(_ notice: Notice, button: Bool = false) -> [DBusArgument] {
        var hints: [(String, DBusArgument)] = [("urgency", .byte(notice.urgency))]
        if let category = notice.category { hints.append(("category", .string(category))) }
        // "default" is a click on the notice itself; "renew" is the button.
        let actions = button ? ["default", notice.buttonLabel, "renew", notice.buttonLabel] : []
        return [
            .string(notice.appName), .uint32(0), .string(""), .string(notice.summary), .string(notice.body),
            .strings(actions), .vardict(hints), .int32(notice.expireTimeout),
        ]
    }

    // MARK: - The "Renew" button

    /// Notices waiting for their button, each holding a thread and a bus connection; past the limit, notices go
    /// without a button (the link is in the body anyway).
    static let waiters = Atomic<Int>(0)
    static let maximumWaiters = 4
    /// How long a notice that does not expire by itself is watched for its button.
    static let longestWait: Double = 3600

    /// Takes a waiter's place if one is free and the server offers buttons (`GetCapabilities` lists `actions`),
    /// asking the bus for the server's signals before the notice is sent.
    static func claimWaiter(_ bus: DBusConnection) throws(DBusError) -> Bool {
        guard waiters.add(1, ordering: .relaxed).newValue <= maximumWaiters else {
            waiters.subtract(1, ordering: .relaxed)
            return false
        }
        do {
            let capabilities = try bus.call(
                "org.freedesktop.Notifications",
                "/org/freedesktop/Notifications",
                "org.freedesktop.Notifications",
                "GetCapabilities"
            )
            guard capabilities.first?.array?.contains(where: { $0.string == "actions" }) == true else {
                waiters.subtract(1, ordering: .relaxed)
                return false
            }
            try bus.watchSignals(of: "org.freedesktop.Notifications")
            return true
        } catch {
            waiters.subtract(1, ordering: .relaxed)
            throw error
        }
    }

    /// Until the notice closes, expires (plus a minute), or an hour at most: a press on "Renew" (or on the notice)
    /// opens the link.
    static func waitForButton(
        on bus: DBusConnection,
        id: UInt32,
        notice: Notice,
        button: (link: String, open: @Sendable (String) -> Void)
    ) {
        let wait = notice.expireTimeout > 0 ? min(Double(notice.expireTimeout) / 1000 + 60, longestWait) : longestWait
        let signal = bus.nextSignal(
            of: "org.freedesktop.Notifications",
            members: ["ActionInvoked", "NotificationClosed"],
            timeout: wait
        ) { values in values.first?.uint == UInt64(id) }
        guard let signal, signal.member == "ActionInvoked" else { return }
        let key = signal.values.dropFirst().first?.string
        if key == "renew" || key == "default" { button.open(button.link) }
    }
}
