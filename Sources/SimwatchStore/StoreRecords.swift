public import FoundationEssentials
public import SimwatchCore

/// What the daemon remembers about a line between polls and across restarts.
public struct LineRecord: Sendable, Hashable {
    public var lineID: String
    public var firstSeen: Date
    public var period: PlanPeriod?
    /// "config" when derived from the configuration, "renewal" when recorded by hand or detected.
    public var periodOrigin: String
    public var lastAttempt: Date?
    public var lastSuccess: Date?
    public var failures: Int
    public var lastError: String?
    public var polls: Int
    /// Renewals seen so far; numbers the "renewed" reminders' stable ids.
    public var renewals: Int
    /// When a renewal was last recorded by hand; a top-up seen across it is that same renewal, not a new one.
    public var renewedAt: Date?

    public init(
        lineID: String,
        firstSeen: Date,
        period: PlanPeriod? = nil,
        periodOrigin: String = "config",
        lastAttempt: Date? = nil,
        lastSuccess: Date? = nil,
        failures: Int = 0,
        lastError: String? = nil,
        polls: Int = 0,
        renewals: Int = 0,
        renewedAt: Date? = nil
    ) {
        self.lineID = lineID
        self.firstSeen = firstSeen
        self.period = period
        self.periodOrigin = periodOrigin
        self.lastAttempt = lastAttempt
        self.lastSuccess = lastSuccess
        self.failures = failures
        self.lastError = lastError
        self.polls = polls
        self.renewals = renewals
        self.renewedAt = renewedAt
    }
}

/// One entry in an alert's history (for `simwatchctl show`).
public struct AlertLogEntry: Sendable, Hashable {
    public var lineID: String
    public var ruleID: String?
    public var episode: Int
    public var event: String
    public var stage: Int?
    public var occurrence: Int
    public var at: Date
    public var summary: String

    public init(
        lineID: String,
        ruleID: String?,
        episode: Int,
        event: String,
        stage: Int?,
        occurrence: Int,
        at: Date,
        summary: String
    ) {
        self.lineID = lineID
        self.ruleID = ruleID
        self.episode = episode
        self.event = event
        self.stage = stage
        self.occurrence = occurrence
        self.at = at
        self.summary = summary
    }
}

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
