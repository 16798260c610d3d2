/// Somewhere reminders go: the journal, a mailbox, a webhook, the desktop.
public protocol NotificationChannel: Sendable {
    /// Delivers one reminder. Throwing leaves it in the outbox to be retried.
    func deliver(_ reminder: Reminder) async throws
}
