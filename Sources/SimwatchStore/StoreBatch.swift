public import SimwatchCore

/// Everything one poll round changes, written in one transaction: the reading, the alert transitions and the
/// reminders they cause go in together or not at all.
public struct StoreBatch: Sendable {
    public var lines: [LineRecord] = []
    public var readings: [Reading] = []
    public var alerts: [AlertState] = []
    public var log: [AlertLogEntry] = []
    public var reminders: [Reminder] = []
    /// Renewal ledger changes, applied in order.
    public var ledger: [LedgerChange] = []
    /// Reminders still waiting (quiet hours, or a retry after a failed attempt) for episodes that ended:
    /// (line, rule, episode).
    public var cancelled: [(line: String, rule: String, episode: Int)] = []
    /// Meta values to set (`StateStore.meta`), with the rest.
    public var meta: [(key: String, value: String)] = []

    public init() {}

    public var isEmpty: Bool {
        lines.isEmpty && readings.isEmpty && alerts.isEmpty && log.isEmpty && reminders.isEmpty && cancelled.isEmpty
            && ledger.isEmpty && meta.isEmpty
    }
}
