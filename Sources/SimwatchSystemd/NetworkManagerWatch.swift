/// NetworkManager's word on the network, from the system bus (`org.freedesktop.NetworkManager`): its
/// `Connectivity` property (4 is full) and `State` (70 is connected globally), and the `StateChanged` and
/// `PropertiesChanged` signals that say they changed. Blocking: run `look` on a worker thread (`DBusThread`).
public enum NetworkManagerWatch {
    static let destination = "org.freedesktop.NetworkManager"
    static let path = "/org/freedesktop/NetworkManager"
    static let interface = "org.freedesktop.NetworkManager"

    /// NM_CONNECTIVITY_FULL and NM_STATE_CONNECTED_GLOBAL.
    static let fullConnectivity: UInt64 = 4
    static let connectedGlobal: UInt64 = 70

    /// Whether NetworkManager says the host is online: full connectivity, or connected globally where it does not
    /// check connectivity (unknown, 0).
    public static func isOnline(connectivity: UInt64?, state: UInt64?) -> Bool {
        if connectivity == fullConnectivity { return true }
        return (connectivity ?? 0) == 0 && state == connectedGlobal
    }

    /// Reads whether the host is online; when that is what `previous` said, waits at most `timeout` seconds for a
    /// signal that it changed and reads it again. Fails when there is no system bus or no NetworkManager on it.
    public static func look(previous: Bool?, timeout: Double) -> Result<Bool, DBusError> {
        do throws(DBusError) {
            let bus = try DBusConnection(.system)
            // Routed before the first read, so a change between the two is not missed.
            try bus.watchSignals(of: interface)
            let now = try online(bus)
            guard now == previous else { return .success(now) }
            _ = bus.nextSignal(of: interface, members: ["StateChanged", "PropertiesChanged"], timeout: timeout) { _ in
                true
            }
            return .success(try online(bus))
        } catch {
            return .failure(error)
        }
    }

    static func online(_ bus: DBusConnection) throws(DBusError) -> Bool {
        let properties = try bus.properties(destination, path, interface)
        return isOnline(connectivity: properties["Connectivity"]?.uint, state: properties["State"]?.uint)
    }
}
