/// What one `Retention.compact` removed.
public struct CompactionReport: Sendable, Hashable {
    public var rawRemoved: Int
    public var hourlyRemoved: Int
    public var outboxRemoved: Int
}
