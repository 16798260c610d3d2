public import FoundationEssentials
import SimwatchCore
import SimwatchSQLite

/// The outbox (`outbox`): reminders are written with the alert transition that caused them and leave only when a
/// channel took them, so a crash between the two loses nothing (at-least-once; stable ids make duplicates
/// detectable).
public struct OutboxTable: Sendable {
    let queue: SerializedDatabase

    static func enqueue(_ reminder: Reminder, _ db: Database) throws {
        let payload = String(decoding: try JSONEncoder().encode(reminder), as: UTF8.self)
        // OR IGNORE: the same event (same stable id) is never queued twice.
        try db.execute(
            """
            INSERT OR IGNORE INTO outbox(id, channel, line_id, rule_id, episode, created_at, payload, next_attempt)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [
                reminder.id, reminder.channel, reminder.lineID, reminder.ruleID, reminder.episode,
                reminder.createdAt.timeIntervalSince1970, payload, reminder.notBefore.timeIntervalSince1970,
            ]
        )
    }

    /// Cancels the reminders still waiting (quiet hours, or a retry after a failed attempt) for an episode that
    /// ended.
    static func cancel(line: String, rule: String, episode: Int, _ db: Database) throws {
        try db.execute(
            """
            UPDATE outbox SET state = 'cancelled'
            WHERE state = 'pending' AND line_id = ? AND rule_id = ? AND episode = ?
            """,
            [line, rule, episode]
        )
    }

    /// Pending reminders whose time has come, oldest first.
    ///
    /// A row that no longer reads as a reminder (a damaged or foreign payload) is made a dead letter with the reason,
    /// here and now: left pending it would be due for ever, and the daemon would wake for it again and again.
    public func due(now: Date, limit: Int = 100) throws -> [OutboxItem] {
        try due(
            """
            SELECT rowid AS outbox_rowid, * FROM outbox WHERE state = 'pending' AND next_attempt <= ?
            ORDER BY next_attempt, created_at LIMIT ?
            """,
            [now.timeIntervalSince1970, limit],
            now: now
        )
    }

    /// Pending reminders of one channel whose time has come, oldest first (dead letters as above), with those waiting
    /// for the network: when one of the channel's reminders is tried, the network may be back for all of them.
    public func due(now: Date, channel: String, limit: Int) throws -> [OutboxItem] {
        try due(
            """
            SELECT rowid AS outbox_rowid, * FROM outbox
            WHERE state = 'pending' AND channel = ? AND (next_attempt <= ? OR offline = 1)
            ORDER BY next_attempt, created_at LIMIT ?
            """,
            [channel, now.timeIntervalSince1970, limit],
            now: now
        )
    }

    private func due(_ sql: String, _ arguments: [(any SQLBindable)?], now: Date) throws -> [OutboxItem] {
        let (items, poisoned) = try queue.read { db in
            var items: [OutboxItem] = []
            var poisoned: [(rowid: Int64, reason: String)] = []
            for row in try db.rows(sql, arguments) {
                switch Self.readItem(row) {
                case .success(let item): items.append(item)
                case .failure(let poison): poisoned.append((try row["outbox_rowid"], poison.reason))
                }
            }
            return (items, poisoned)
        }
        if !poisoned.isEmpty {
            try queue.write { db in
                for (rowid, reason) in poisoned {
                    try db.execute(
                        "UPDATE outbox SET state = 'dead', last_error = ?, next_attempt = ? WHERE rowid = ?",
                        ["dead letter: " + reason, now.timeIntervalSince1970, rowid]
                    )
                }
            }
        }
        return items
    }

    /// The channels that have pending reminders whose time has come.
    public func channelsDue(now: Date) throws -> [String] {
        try queue.read { db in
            try db.values(
                String.self,
                "SELECT DISTINCT channel FROM outbox WHERE state = 'pending' AND next_attempt <= ? ORDER BY channel",
                [now.timeIntervalSince1970]
            )
        }
    }

    /// When the next pending reminder falls due, if any, leaving out channels being delivered to right now (their
    /// worker reports when it is done).
    public func nextDue(excludingChannels busy: Set<String> = []) throws -> Date? {
        try queue.read { db in
            let rows = try db.rows(
                "SELECT channel, MIN(next_attempt) AS due FROM outbox WHERE state = 'pending' GROUP BY channel"
            )
            let times: [Double] = try rows.compactMap { row in try busy.contains(row["channel"]) ? nil : row["due"] }
            return times.min().map(Date.init(timeIntervalSince1970:))
        }
    }

    /// Outbox entries, newest first, optionally of one state and one channel.
    public func list(state: OutboxItem.State?, channel: String?, limit: Int) throws -> [OutboxItem] {
        try queue.read { db in
            var conditions: [String] = []
            var arguments: [(any SQLBindable)?] = []
            if let state {
                conditions.append("state = ?")
                arguments.append(state.rawValue)
            }
            if let channel {
                conditions.append("channel = ?")
                arguments.append(channel)
            }
            let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
            arguments.append(limit)
            return try db.rows(
                "SELECT * FROM outbox \(filter) ORDER BY created_at DESC, id LIMIT ?",
                arguments
            ).compactMap(Self.item)
        }
    }

    /// Outbox entries, newest first, optionally of one state.
    public func list(state: OutboxItem.State? = nil, limit: Int = 100) throws -> [OutboxItem] {
        try queue.read { db in
            let filter = state.map { "WHERE state = '\($0.rawValue)'" } ?? ""
            return try db.rows(
                "SELECT * FROM outbox \(filter) ORDER BY created_at DESC LIMIT ?",
                [limit]
            ).compactMap(Self.item)
        }
    }

    /// Reminders waiting in the outbox, and those given up on.
    public func counts() throws -> (pending: Int, dead: Int) {
        try queue.read { db in
            let pending = try db.value(Int.self, "SELECT COUNT(*) FROM outbox WHERE state = 'pending'") ?? 0
            let dead = try db.value(Int.self, "SELECT COUNT(*) FROM outbox WHERE state = 'dead'") ?? 0
            return (pending, dead)
        }
    }

    /// Moves pending reminders due after `now` back by `seconds` (not before `now`): the wall clock stepped back,
    /// and a reminder held for a wait (quiet hours, a retry) still waits that long, not the step on top.
    public func movePending(back seconds: Double, after now: Date) throws {
        try queue.write { db in
            try db.execute(
                "UPDATE outbox SET next_attempt = MAX(?, next_attempt - ?) WHERE state = 'pending' AND next_attempt > ?",
                [now.timeIntervalSince1970, seconds, now.timeIntervalSince1970]
            )
        }
    }

    /// Records a batch of delivery attempts in one transaction. A failed attempt leaves a reminder cancelled meanwhile
    /// (its alert ended) cancelled, so a channel that recovers does not deliver it after all.
    public func record(_ outcomes: [DeliveryOutcome]) throws {
        guard !outcomes.isEmpty else { return }
        try queue.write { db in
            for o in outcomes {
                if o.error == nil {
                    try db.execute(
                        """
                        UPDATE outbox SET state = 'sent', attempts = attempts + 1, sent_at = ?, last_error = NULL,
                            last_attempt = ?, offline = 0, online_spent = COALESCE(?, online_spent)
                        WHERE id = ?
                        """,
                        [o.at.timeIntervalSince1970, o.at.timeIntervalSince1970, o.onlineSpent, o.id]
                    )
                } else {
                    try db.execute(
                        """
                        UPDATE outbox SET state = CASE WHEN state IN ('cancelled', 'superseded') THEN state ELSE ? END,
                            attempts = attempts + 1, last_error = ?,
                            next_attempt = COALESCE(?, next_attempt),
                            last_attempt = ?, offline = ?, offline_attempts = offline_attempts + ?,
                            online_spent = COALESCE(?, online_spent)
                        WHERE id = ?
                        """,
                        [
                            o.retryAt == nil ? "dead" : "pending", o.error, o.retryAt?.timeIntervalSince1970,
                            o.at.timeIntervalSince1970, o.offline ? 1 : 0, o.offline ? 1 : 0, o.onlineSpent, o.id,
                        ]
                    )
                }
            }
        }
    }

    /// Marks pending reminders superseded (a newer reminder of the same alert went to their channel instead), with
    /// the id of the one that replaced them as their `last_error`.
    public func supersede(_ replaced: [(id: String, by: String)], now: Date) throws {
        guard !replaced.isEmpty else { return }
        try queue.write { db in
            for r in replaced {
                try db.execute(
                    """
                    UPDATE outbox SET state = 'superseded', last_error = ?, next_attempt = ?
                    WHERE id = ? AND state = 'pending'
                    """,
                    ["superseded by \(r.by)", now.timeIntervalSince1970, r.id]
                )
            }
        }
    }

    /// Holds pending reminders that were not tried because their channel found no network: they wait for it too,
    /// until `retryAt` at the latest (the network back, or the channel's next try, brings them sooner).
    public func holdForNetwork(_ ids: [String], until retryAt: Date) throws {
        guard !ids.isEmpty else { return }
        try queue.write { db in
            for id in ids {
                try db.execute(
                    """
                    UPDATE outbox SET offline = 1, next_attempt = MAX(next_attempt, ?) WHERE id = ? AND state = 'pending'
                    """,
                    [retryAt.timeIntervalSince1970, id]
                )
            }
        }
    }

    /// Makes the reminders waiting for the network due at `now` (the network is back). Returns how many.
    @discardableResult
    public func retryOffline(now: Date) throws -> Int {
        try queue.write { db in
            try db.execute(
                """
                UPDATE outbox SET next_attempt = MIN(next_attempt, ?) WHERE state = 'pending' AND offline = 1
                """,
                [now.timeIntervalSince1970]
            )
            return db.changes
        }
    }

    /// An outbox row as an item; nil for a row that does not read as one (listings skip it; `due` makes it a dead
    /// letter).
    static func item(_ row: Row) throws -> OutboxItem? {
        try? readItem(row).get()
    }

    /// An outbox row as an item, or why it cannot be one.
    static func readItem(_ row: Row) -> Result<OutboxItem, PoisonedOutboxRow> {
        do {
            let payload: String = try row["payload"]
            let reminder: Reminder
            do {
                reminder = try JSONDecoder().decode(Reminder.self, from: Data(payload.utf8))
            } catch {
                return .failure(
                    PoisonedOutboxRow(reason: "its payload no longer reads as a reminder (\(Self.brief(error)))")
                )
            }
            let state: String = try row["state"]
            return .success(
                try OutboxItem(
                    reminder: reminder,
                    state: OutboxItem.State(rawValue: state) ?? .pending,
                    attempts: row["attempts"],
                    nextAttempt: Date(timeIntervalSince1970: row["next_attempt"]),
                    lastError: row["last_error"],
                    sentAt: StoredTime.date(row["sent_at"]),
                    onlineSpent: row["online_spent"],
                    lastAttempt: StoredTime.date(row["last_attempt"]),
                    offline: (row["offline"] as Int) != 0,
                    offlineAttempts: row["offline_attempts"]
                )
            )
        } catch {
            return .failure(PoisonedOutboxRow(reason: "the row does not read (\(error))"))
        }
    }

    /// The first line of an error's description, at most 200 characters: enough to say what broke.
    private static func brief(_ error: any Error) -> String {
        let text = "\(error)".split(separator: "\n").first.map(String.init) ?? ""
        return text.count > 200 ? String(text.prefix(200)) + "…" : text
    }
}
