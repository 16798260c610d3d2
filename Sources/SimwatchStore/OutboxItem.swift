public import FoundationEssentials
public import SimwatchCore

/// A reminder waiting in (or gone through) the outbox.
public struct OutboxItem: Sendable, Hashable {
    public enum State: String, Sendable, Hashable {
        case pending
        case sent
        case dead
        case cancelled
        /// Not sent: a newer reminder of the same alert (line, rule, episode) was due to the same channel.
        case superseded
    }

    public var reminder: Reminder
    public var state: State
    public var attempts: Int
    public var nextAttempt: Date
    public var lastError: String?
    public var sentAt: Date?
    /// Seconds waited for delivery while the network was up: what `give_up_after` counts.
    public var onlineSpent: Double
    /// When it was last tried, if ever.
    public var lastAttempt: Date?
    /// Its last try found no network: it waits for the network, and is retried with the first of its channel's
    /// reminders to be tried (or when NetworkManager says the network is back).
    public var offline: Bool
    /// How many of its `attempts` found no network (they do not count as the channel's failures).
    public var offlineAttempts: Int

    public init(
        reminder: Reminder,
        state: State,
        attempts: Int,
        nextAttempt: Date,
        lastError: String?,
        sentAt: Date? = nil,
        onlineSpent: Double = 0,
        lastAttempt: Date? = nil,
        offline: Bool = false,
        offlineAttempts: Int = 0
    ) {
        self.reminder = reminder
        self.state = state
        self.attempts = attempts
        self.nextAttempt = nextAttempt
        self.lastError = lastError
        self.sentAt = sentAt
        self.onlineSpent = onlineSpent
        self.lastAttempt = lastAttempt
        self.offline = offline
        self.offlineAttempts = offlineAttempts
    }
}
