import FoundationEssentials
import SimwatchCore
import SimwatchStore

/// What a channel gets from its due reminders: what matters now, not a backlog. Pure, so it is table-tested.
///
/// Of the reminders of one alert (same line, rule and episode) only the latest is sent, the newest state of it;
/// the others are superseded (never dropped silently: the outbox marks them and the dispatcher logs each). What is
/// sent goes most severe first, then in the order the reminders were raised.
struct OutboxBacklog: Equatable {
    struct Replaced: Equatable {
        var item: OutboxItem
        /// The reminder that carries the alert's latest state instead.
        var by: OutboxItem
    }

    var send: [OutboxItem]
    var superseded: [Replaced]

    init(send: [OutboxItem], superseded: [Replaced]) {
        self.send = send
        self.superseded = superseded
    }

    /// The plan for one channel's due reminders.
    init(_ due: [OutboxItem]) {
        var latest: [AlertKey: OutboxItem] = [:]
        for item in due {
            let key = AlertKey(item.reminder)
            if let kept = latest[key], !Self.isNewer(item, than: kept) { continue }
            latest[key] = item
        }
        var superseded: [Replaced] = []
        for item in due {
            let kept = latest[AlertKey(item.reminder)] ?? item
            if kept.reminder.id != item.reminder.id { superseded.append(Replaced(item: item, by: kept)) }
        }
        let keptIDs = Set(latest.values.map(\.reminder.id))
        let send = due.filter { keptIDs.contains($0.reminder.id) }
            .enumerated()
            .sorted { a, b in
                let (x, y) = (a.element.reminder, b.element.reminder)
                if x.severity != y.severity { return x.severity > y.severity }
                if x.createdAt != y.createdAt { return x.createdAt < y.createdAt }
                return a.offset < b.offset
            }
            .map(\.element)
        self.init(send: send, superseded: superseded)
    }

    /// Later occurrence of the alert, or raised later.
    static func isNewer(_ a: OutboxItem, than b: OutboxItem) -> Bool {
        if a.reminder.occurrence != b.reminder.occurrence { return a.reminder.occurrence > b.reminder.occurrence }
        return a.reminder.createdAt > b.reminder.createdAt
    }

    /// One alert: a rule's episode on a line (a renewal notice is its own, keyed by its number).
    struct AlertKey: Hashable {
        var line: String
        var rule: String?
        var episode: Int
        var kind: ReminderKind

        init(_ reminder: Reminder) {
            line = reminder.lineID
            rule = reminder.ruleID
            episode = reminder.episode
            kind = reminder.kind
        }
    }
}
