public import FoundationEssentials
public import SimwatchCore

/// Everything one poll round changes, written in one transaction: the reading, the alert transitions and the
/// reminders they cause go in together or not at all.
public struct StoreBatch: Sendable {
    public var lines: [LineRecord] = []
    public var readings: [Reading] = []
    public var alerts: [AlertState] = []
    public var log: [AlertLogEntry] = []
    public var reminders: [Reminder] = []
    /// Reminders still waiting (quiet hours, or a retry after a failed attempt) for episodes that ended:
    /// (line, rule, episode).
    public var cancelled: [(line: String, rule: String, episode: Int)] = []

    public init() {}

    public var isEmpty: Bool {
        lines.isEmpty && readings.isEmpty && alerts.isEmpty && log.isEmpty && reminders.isEmpty && cancelled.isEmpty
    }
}

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
