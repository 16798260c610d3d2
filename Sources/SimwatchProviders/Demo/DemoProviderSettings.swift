public import SimwatchCore

/// A simulated plan that drains at a steady pace with a daily rhythm. It reads the line's plan period like any
/// provider reads its carrier, so renewals and rules behave exactly as with a real source.
public struct DemoProviderSettings: ProviderSettings {
    public static let type = "demo"
    /// Average use per day.
    public var dailyUse: ByteCount
    /// Fraction of the pace that varies over the day (0 = perfectly steady).
    public var wobble: Double
    /// Prepaid credit balance to report, if any.
    public var credit: Money?
    /// Make every nth poll fail, to show backoff and the stale rule (0 = never).
    public var failEvery: Int
    /// Show a new plan period only this long after it began, like a carrier API serving a cached balance; set, the
    /// demo behaves as a source that reports figures of its own, so renewals recorded by hand are confirmed.
    public var renewalDelay: TimeSpan?

    public init(
        dailyUse: ByteCount,
        wobble: Double = 0.3,
        credit: Money? = nil,
        failEvery: Int = 0,
        renewalDelay: TimeSpan? = nil
    ) {
        self.dailyUse = dailyUse
        self.wobble = wobble
        self.credit = credit
        self.failEvery = failEvery
        self.renewalDelay = renewalDelay
    }

    /// The plan is the recorded one unless `renewal_delay` makes the demo a carrier of its own.
    public var reportsFigures: Bool { renewalDelay != nil }
}
