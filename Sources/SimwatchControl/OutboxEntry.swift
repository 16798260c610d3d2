/// One reminder in the outbox, for `ListOutbox`: waiting, sent, given up (dead), cancelled or superseded.
public struct OutboxEntry: Codable, Sendable, Hashable {
    /// The stable notification id, `line/rule/episode/occurrence/channel`.
    public var id: String
    public var channel: String
    public var line: String
    public var rule: String?
    public var kind: String
    public var event: String
    public var severity: String
    /// pending, sent, dead, cancelled or superseded.
    public var state: String
    public var attempts: Int
    public var createdAt: String
    /// When a pending reminder is tried next.
    public var nextAttemptAt: String?
    public var sentAt: String?
    public var lastError: String?
    public var summary: String

    public init(
        id: String,
        channel: String,
        line: String,
        rule: String?,
        kind: String,
        event: String,
        severity: String,
        state: String,
        attempts: Int,
        createdAt: String,
        nextAttemptAt: String?,
        sentAt: String?,
        lastError: String?,
        summary: String
    ) {
        self.id = id
        self.channel = channel
        self.line = line
        self.rule = rule
        self.kind = kind
        self.event = event
        self.severity = severity
        self.state = state
        self.attempts = attempts
        self.createdAt = createdAt
        self.nextAttemptAt = nextAttemptAt
        self.sentAt = sentAt
        self.lastError = lastError
        self.summary = summary
    }
}

public enum ListOutbox: ControlMethod {
    public static let method = "ListOutbox"

    public struct Parameters: Codable, Sendable, Hashable {
        /// pending, sent, dead, cancelled or superseded. nil for all.
        public var state: String?
        public var channel: String?
        /// At most this many, newest first (default 50, at most 1000).
        public var limit: Int?

        public init(state: String? = nil, channel: String? = nil, limit: Int? = nil) {
            self.state = state
            self.channel = channel
            self.limit = limit
        }
    }

    public struct Reply: Codable, Sendable, Hashable {
        public var now: String
        public var reminders: [OutboxEntry]

        public init(now: String, reminders: [OutboxEntry]) {
            self.now = now
            self.reminders = reminders
        }
    }
}
