/// Which adapter reads a line, with its settings, decoded and validated from `[line.provider]`.
public enum ProviderSettings: Sendable, Hashable {
    case demo(DemoProviderSettings)
    /// Interface byte counters in sysfs, accumulated over the plan period.
    case counters(CounterProviderSettings)
    /// The Airalo Partner API.
    case airalo(AiraloProviderSettings)
    /// The 1NCE management API.
    case oneNCE(OneNCEProviderSettings)
    /// Any JSON API, mapped with JSON pointers.
    case json(JSONSourceSettings)
    /// A modem through ModemManager: a USSD code or the newest SMS from the carrier.
    case modemManager(ModemManagerProviderSettings)
    /// A user script that prints a reading as JSON.
    case exec(ExecProviderSettings)
    /// Readings and renewals entered with `simwatchctl record` and `renew`; never polled.
    case manual(ManualProviderSettings)

    /// The `type` key as written in the configuration.
    public var type: String {
        switch self {
        case .demo: "demo"
        case .counters: "counters"
        case .airalo: "airalo"
        case .oneNCE: "1nce"
        case .json: "json"
        case .modemManager: "modemmanager"
        case .exec: "exec"
        case .manual: "manual"
        }
    }

    /// The shortest poll interval the source tolerates; a line polling faster is slowed to this.
    public var minimumPollInterval: TimeSpan? {
        switch self {
        case .airalo: AiraloProviderSettings.minimumPollInterval
        default: nil
        }
    }
}

/// A simulated plan that drains at a steady pace with a daily rhythm. It reads the line's plan period like any
/// provider reads its carrier, so renewals and rules behave exactly as with a real source.
public struct DemoProviderSettings: Sendable, Hashable {
    /// Average use per day.
    public var dailyUse: ByteCount
    /// Fraction of the pace that varies over the day (0 = perfectly steady).
    public var wobble: Double
    /// Prepaid credit balance to report, if any.
    public var credit: Money?
    /// Make every nth poll fail, to show backoff and the stale rule (0 = never).
    public var failEvery: Int

    public init(dailyUse: ByteCount, wobble: Double = 0.3, credit: Money? = nil, failEvery: Int = 0) {
        self.dailyUse = dailyUse
        self.wobble = wobble
        self.credit = credit
        self.failEvery = failEvery
    }
}
