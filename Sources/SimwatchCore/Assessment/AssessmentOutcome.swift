public import FoundationEssentials

/// What one assessment decided, to be written in one transaction and then applied: nothing in it has happened yet.
public struct AssessmentOutcome: Sendable {
    /// The line's record after the assessment.
    public var record: LineRecord
    /// The newest reading after the assessment (the poll's, an estimate, or the one before).
    public var latest: Reading?
    /// Readings to store.
    public var readings: [Reading] = []
    /// Alert states that changed, by rule id.
    public var alerts: [String: AlertState] = [:]
    /// Reminders still waiting for episodes that ended: (line, rule, episode).
    public var cancelled: [(line: String, rule: String, episode: Int)] = []
    /// History entries for the alert log.
    public var log: [AlertLogEntry] = []
    /// Reminders for the outbox, one per channel of the line.
    public var reminders: [Reminder] = []
    /// Events to publish once the transaction has committed.
    public var events: [WatchEvent] = []
    /// Changes to the renewal ledger.
    public var ledger: [LedgerChange] = []
    /// A renewal was detected (a top-up) or recorded.
    public var renewed = false
    /// When the line next needs judging without a poll: its earliest repeat reminder or snooze end.
    public var nextReminderAt: Date?

    public init(record: LineRecord, latest: Reading?) {
        self.record = record
        self.latest = latest
    }
}
