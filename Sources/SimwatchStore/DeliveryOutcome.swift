public import FoundationEssentials

/// The outcome of one delivery attempt.
public struct DeliveryOutcome: Sendable, Hashable {
    public var id: String
    public var at: Date
    /// nil on success.
    public var error: String?
    /// When to try again after a failure; nil gives up (dead letter).
    public var retryAt: Date?
    /// The reminder's time waited while online, this attempt included; nil leaves it as it was.
    public var onlineSpent: Double?
    /// The attempt found no network.
    public var offline: Bool

    public init(
        id: String,
        at: Date,
        error: String? = nil,
        retryAt: Date? = nil,
        onlineSpent: Double? = nil,
        offline: Bool = false
    ) {
        self.id = id
        self.at = at
        self.error = error
        self.retryAt = retryAt
        self.onlineSpent = onlineSpent
        self.offline = offline
    }
}
