public import FoundationEssentials

/// `[accounts.NAME]`: a provider account declared once and used by every line whose `[line.provider]` names it,
/// with its own rate limit (and, through the provider's token cache, its own token).
public struct ProviderAccount: Sendable, Hashable {
    /// The NAME of `[accounts.NAME]`.
    public var name: String
    /// The provider's `type` (`airalo`, `1nce`).
    public var type: String
    /// Polls of all its lines together, at most this many a minute, spread evenly.
    public var requestsPerMinute: Int

    public init(name: String, type: String, requestsPerMinute: Int) {
        self.name = name
        self.type = type
        self.requestsPerMinute = requestsPerMinute
    }

    /// Seconds between two polls of the account.
    public var spacing: TimeInterval { 60 / Double(max(1, requestsPerMinute)) }
}
