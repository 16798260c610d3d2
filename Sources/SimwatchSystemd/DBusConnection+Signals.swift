internal import CSystemd
import SimwatchLoop

extension DBusConnection {
    /// Asks the bus to route `interface`'s signals to this connection (`org.freedesktop.DBus.AddMatch`). Done
    /// before the call that makes them, so none is missed.
    public func watchSignals(of interface: String) throws(DBusError) {
        let rule = "type='signal',interface='\(interface)'"
        _ = try call(
            "org.freedesktop.DBus",
            "/org/freedesktop/DBus",
            "org.freedesktop.DBus",
            "AddMatch",
            [.string(rule)]
        )
    }

    /// Waits up to `timeout` seconds for a signal of `interface` named in `members` whose values `accept`s; returns
    /// its member and values, or nil when the time is up or the connection fails (the bus went away).
    public func nextSignal(
        of interface: String,
        members: Set<String>,
        timeout: Double,
        accept: ([DBusValue]) -> Bool
    ) -> (member: String, values: [DBusValue])? {
        let deadline = EventLoop.uptimeNanoseconds &+ DBusTimeout.microseconds(timeout) &* 1_000
        while true {
            var message: OpaquePointer?
            let r = sd_bus_process(bus, &message)
            if r < 0 { return nil }
            if let message {
                defer { sd_bus_message_unref(message) }
                if sd_bus_message_is_signal(message, interface, nil) > 0,
                    let name = sd_bus_message_get_member(message).map({ String(cString: $0) }),
                    members.contains(name),
                    let values = try? DBusMessageReader.all(message),
                    accept(values)
                {
                    return (name, values)
                }
                continue
            }
            if r > 0 { continue }
            let now = EventLoop.uptimeNanoseconds
            guard now < deadline else { return nil }
            if sd_bus_wait(bus, (deadline - now) / 1_000) < 0 { return nil }
        }
    }
}
