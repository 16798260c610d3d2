/// Why an outbox row could not be read as a reminder.
struct PoisonedOutboxRow: Error {
    var reason: String
}
