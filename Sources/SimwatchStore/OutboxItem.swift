public import FoundationEssentials
public import SimwatchCore

/// A reminder waiting in (or gone through) the outbox.
public struct OutboxItem: Sendable, Hashable {
    public enum State: String, Sendable, Hashable {
        case pending
        case sent
        case dead
        case cancelled
    }

    public var reminder: Reminder
    public var state: State
    public var attempts: Int
    public var nextAttempt: Date
    public var lastError: String?
    public var sentAt: Date?

    public init(
        reminder: Reminder,
        state: State,
        attempts: Int,
        nextAttempt: Date,
        lastError: String?,
        sentAt: Date? = nil
    ) {
        self.reminder = reminder
        self.state = state
        self.attempts = attempts
        self.nextAttempt = nextAttempt
        self.lastError = lastError
        self.sentAt = sentAt
    }
}
