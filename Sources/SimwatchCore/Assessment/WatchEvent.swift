public import FoundationEssentials

/// Something the daemon did, for `simwatchctl events --follow` and scripts.
public struct WatchEvent: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case reading
        case pollFailed = "poll_failed"
        case alert
        case delivery
        case renewal
        case reload
    }

    public var kind: Kind
    public var at: Date
    public var lineID: String?
    public var ruleID: String?
    /// alert: firing, repeat, escalated, resolved, suppressed; delivery: delivered, failed, dead.
    public var event: String?
    public var summary: String
    public var reading: Reading?
    public var notificationID: String?
    public var channel: String?

    public init(
        kind: Kind,
        at: Date,
        lineID: String? = nil,
        ruleID: String? = nil,
        event: String? = nil,
        summary: String,
        reading: Reading? = nil,
        notificationID: String? = nil,
        channel: String? = nil
    ) {
        self.kind = kind
        self.at = at
        self.lineID = lineID
        self.ruleID = ruleID
        self.event = event
        self.summary = summary
        self.reading = reading
        self.notificationID = notificationID
        self.channel = channel
    }
}
