/// A TOML time of day (`07:32:00.999999`). Fractional seconds beyond nanoseconds are truncated, as the
/// specification allows.
public struct TOMLTime: Sendable, Hashable, CustomStringConvertible {
    public var hour: Int
    public var minute: Int
    public var second: Int
    public var nanosecond: Int

    public init(hour: Int, minute: Int, second: Int, nanosecond: Int = 0) {
        self.hour = hour
        self.minute = minute
        self.second = second
        self.nanosecond = nanosecond
    }

    /// `07:32:00`, with `.nnnnnnnnn` only when there is a fraction.
    public var description: String {
        let base = "\(pad(hour, 2)):\(pad(minute, 2)):\(pad(second, 2))"
        return nanosecond == 0 ? base : base + "." + pad(nanosecond, 9)
    }
}
