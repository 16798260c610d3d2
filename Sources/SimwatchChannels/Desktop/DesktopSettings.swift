public import SimwatchCore

/// `type = "desktop"`: `org.freedesktop.Notifications.Notify` on the session bus.
public struct DesktopSettings: ChannelKind {
    public static let type = "desktop"
    /// Shown on this machine: no network needed.
    public static let usesNetwork = false
    /// Urgency per severity: 0 low, 1 normal, 2 critical.
    public var urgency: [Severity: UInt8]
    /// Milliseconds the notice stays up; -1 lets the server decide, 0 keeps it until dismissed.
    public var expireTimeout: Int32
    public var appName: String

    public static let defaultUrgency: [Severity: UInt8] = [.info: 0, .warning: 1, .critical: 2]

    public init(urgency: [Severity: UInt8] = DesktopSettings.defaultUrgency, expireTimeout: Int32 = -1) {
        self.urgency = urgency
        self.expireTimeout = expireTimeout
        self.appName = "simwatch"
    }
}
