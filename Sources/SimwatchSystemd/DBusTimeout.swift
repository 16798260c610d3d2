/// Every call waits a bounded time: sd-bus reads a timeout of 0 as its own 25 s default, and a timeout from the
/// configuration could be anything, so seconds are clamped before they become microseconds.
public enum DBusTimeout {
    /// What a call waits unless told otherwise (ModemManager's property reads and lists).
    public static let standard: Double = 5
    /// Less than this is treated as this (0 would mean "sd-bus's default").
    public static let minimum: Double = 0.1
    /// More than this is treated as this: no call may hold its worker thread for ever.
    public static let maximum: Double = 3600

    /// `seconds` as sd-bus's microseconds, within `minimum...maximum`; not a number gives `standard`.
    public static func microseconds(_ seconds: Double) -> UInt64 {
        let bounded = seconds.isNaN ? standard : min(max(seconds, minimum), maximum)
        return UInt64(bounded * 1_000_000)
    }
}
