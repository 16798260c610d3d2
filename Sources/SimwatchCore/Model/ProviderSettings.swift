/// A line's source settings, decoded and validated from `[line.provider]`. Each kind of source (SimwatchProviders,
/// one folder each) has its own type; the core and the services know only what this protocol says of them.
public protocol ProviderSettings: Sendable, Hashable {
    /// The `type` key as written in the configuration.
    static var type: String { get }
    /// The shortest poll interval the source tolerates; a line polling faster is slowed to this.
    var minimumPollInterval: TimeSpan? { get }
    /// Whether the daemon reads the source, or its readings are entered by hand.
    var polling: ProviderPolling { get }
    /// Whether the source reports the provider's own figures, so that a renewal recorded by hand can be seen in
    /// them (not the demo plan, interface counters or manual entry, which follow the recorded plan).
    var reportsFigures: Bool { get }
    /// Set by the sources a `[accounts.NAME]` can stand for (one account, many ICCIDs): the account's
    /// `requests_per_minute` when it sets none, from the provider's published limits. Nil: no accounts.
    static var defaultRequestsPerMinute: Int? { get }
    /// The one SIM the settings read, for sources of an account (discovery does not add a line for a SIM a
    /// written line already watches); nil for others.
    var accountICCID: String? { get }
}

extension ProviderSettings {
    public var minimumPollInterval: TimeSpan? { nil }
    public var polling: ProviderPolling { .polled }
    public var reportsFigures: Bool { true }
    public static var defaultRequestsPerMinute: Int? { nil }
    public var accountICCID: String? { nil }
}

/// How a line's readings arrive.
public enum ProviderPolling: Sendable, Hashable {
    /// The adapter is asked on every poll.
    case polled
    /// Readings and renewals are entered with `simwatchctl record` and `renew`; the line is never read. With
    /// `estimate`, what is left is estimated between entries from the recent pace (readings marked as estimates).
    case byHand(estimate: Bool)
}

/// A line's source settings of any kind, equal when of the same kind with equal values.
public typealias AnyProviderSettings = AnySettings<any ProviderSettings>

extension AnySettings where Base == any ProviderSettings {
    public init(_ base: any ProviderSettings) {
        self.init(base: base, key: { AnyHashable(base) })
    }

    /// The `type` key as written in the configuration.
    public var type: String { Swift.type(of: base).type }
    public var minimumPollInterval: TimeSpan? { base.minimumPollInterval }
    public var polling: ProviderPolling { base.polling }
    public var reportsFigures: Bool { base.reportsFigures }
    public var accountICCID: String? { base.accountICCID }
}
