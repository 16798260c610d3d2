public import SimwatchCore

/// A line whose readings are entered by hand.
public struct ManualProviderSettings: ProviderSettings {
    public static let type = "manual"
    /// Never read; estimated between entries unless `estimate` is off.
    public var polling: ProviderPolling { .byHand(estimate: estimate) }
    /// The figures are the ones entered: there is no provider to confirm a renewal.
    public var reportsFigures: Bool { false }
    /// Between entries, estimate what is left from the recent pace (readings marked as estimates).
    public var estimate: Bool

    public init(estimate: Bool = true) {
        self.estimate = estimate
    }
}
