internal import CSystemd

/// A blocking connection to a bus through sd-bus: method calls with typed arguments, property reads, error replies
/// as `DBusError`, a bounded timeout on every call. Calls block the calling thread: use it on a worker thread
/// (`DBusThread.run`), never on the event loop. Not shareable between threads (sd-bus connections are not).
public final class DBusConnection {
    let bus: OpaquePointer

    /// Opens `bus`, found from the environment (see `DBusBus`).
    public init(_ bus: DBusBus) throws(DBusError) {
        var handle: OpaquePointer?
        let r =
            switch bus {
            case .system: sd_bus_open_system(&handle)
            case .session: sd_bus_open_user(&handle)
            }
        guard r >= 0, let handle else { throw DBusError.errno(-r, "cannot connect to the \(bus.label) bus") }
        self.bus = handle
    }

    deinit {
        sd_bus_flush_close_unref(bus)
    }

    /// Calls `member` and returns the reply's values in order. `timeout` is in seconds, bounded by `DBusTimeout`.
    public func call(
        _ destination: String,
        _ path: String,
        _ interface: String,
        _ member: String,
        _ arguments: [DBusArgument] = [],
        timeout: Double = DBusTimeout.standard
    ) throws(DBusError) -> [DBusValue] {
        for argument in arguments { try argument.validate() }
        var message: OpaquePointer?
        var r = sd_bus_message_new_method_call(bus, &message, destination, path, interface, member)
        guard r >= 0, let message else { throw DBusError.errno(-r, "cannot build \(member)") }
        defer { sd_bus_message_unref(message) }
        for argument in arguments {
            r = DBusMessageWriter.append(message, argument)
            guard r >= 0 else { throw DBusError.errno(-r, "cannot add an argument to \(member)") }
        }
        var error = sd_bus_error()
        var reply: OpaquePointer?
        r = sd_bus_call(bus, message, DBusTimeout.microseconds(timeout), &error, &reply)
        defer {
            sd_bus_error_free(&error)
            if let reply { sd_bus_message_unref(reply) }
        }
        guard r >= 0, let reply else {
            throw DBusError.call(
                member,
                name: error.name.map { String(cString: $0) },
                text: error.message.map { String(cString: $0) },
                code: -r
            )
        }
        return try DBusMessageReader.all(reply)
    }

    /// `org.freedesktop.DBus.Properties.GetAll`.
    public func properties(
        _ destination: String,
        _ path: String,
        _ interface: String
    ) throws(DBusError) -> [String: DBusValue] {
        let values = try call(destination, path, Self.propertiesInterface, "GetAll", [.string(interface)])
        return values.first?.dict ?? [:]
    }

    /// `org.freedesktop.DBus.Properties.Get`, variant unwrapped.
    public func property(
        _ destination: String,
        _ path: String,
        _ interface: String,
        _ name: String
    ) throws(DBusError) -> DBusValue? {
        try call(destination, path, Self.propertiesInterface, "Get", [.string(interface), .string(name)]).first?
            .unwrapped
    }

    static let propertiesInterface = "org.freedesktop.DBus.Properties"
}
