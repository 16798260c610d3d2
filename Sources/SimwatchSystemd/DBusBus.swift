/// Which bus a `DBusConnection` opens. sd-bus finds each from the environment as the D-Bus tools do, which is how
/// the integration tests point the daemon at a private python-dbusmock bus.
public enum DBusBus: Sendable, Hashable {
    /// `DBUS_SYSTEM_BUS_ADDRESS`, else `/run/dbus/system_bus_socket` (ModemManager).
    case system
    /// The user's bus: `DBUS_SESSION_BUS_ADDRESS`, else `$XDG_RUNTIME_DIR/bus` (desktop notifications).
    case session

    var label: String {
        switch self {
        case .system: "system"
        case .session: "session"
        }
    }
}
