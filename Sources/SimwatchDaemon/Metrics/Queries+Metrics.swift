import SimwatchStore

extension Queries {
    /// Reminders waiting in the outbox, by channel (the metrics).
    func pendingByChannel() -> [String: Int] {
        (try? store.outbox.pendingByChannel()) ?? [:]
    }
}
