public import FoundationEssentials

/// The outcome of one delivery attempt.
public struct DeliveryOutcome: Sendable, Hashable {
    public var id: String
    public var at: Date
    /// nil on success.
    public var error: String?
    /// When to try again after a failure; nil gives up (dead letter).
    public var retryAt: Date?

    public init(id: String, at: Date, error: String? = nil, retryAt: Date? = nil) {
        self.id = id
        self.at = at
        self.error = error
        self.retryAt = retryAt
    }
}
