import SimwatchSQLite

/// The daemon's state in SQLite (WAL): readings and their roll-ups, per-line poll state and plan period, alert
/// state and history, and the outbox of reminders. One writer (the daemon); every change of a poll round is one
/// transaction.
///
/// The store owns the connection, the schema and the poll round's transaction (`commit`); each table is a small
/// type of its own (`lines`, `readings`, `alerts`, `alertLog`, `outbox`, `counters`, `history`, `retention`) that
/// reads and writes through the same connection, so every call is still serialized on that one connection.
public final class StateStore: Sendable {
    let queue: SerializedDatabase

    /// Per-line poll state and plan period.
    public let lines: LineTable
    /// Successful readings, newest and in a window.
    public let readings: ReadingTable
    /// Alert state per line and rule.
    public let alerts: AlertTable
    /// Alert history per line.
    public let alertLog: AlertLogTable
    /// Reminders on their way to the channels.
    public let outbox: OutboxTable
    /// The renewal ledger.
    public let renewals: RenewalTable
    /// The counters provider's accumulated interface counters.
    public let counters: CounterTable
    /// The SIMs discovered per provider account.
    public let discovered: DiscoveryTable
    /// Data left over time: raw readings and their roll-ups.
    public let history: ReadingHistory
    /// Roll-ups and pruning that keep the database small.
    public let retention: Retention

    /// Opens (creating and migrating as needed) the database at `path`: WAL, `synchronous = NORMAL`, and a 5 s
    /// busy timeout against other connections (`sqlite3` run by hand while the daemon is up).
    public convenience init(path: String) throws {
        // Short: a write that waits holds the state thread (and the status queries behind it); a database locked for
        // longer is the ledger's back-off's business.
        try self.init(try SerializedDatabase.open(path: path, busyTimeout: .seconds(2)))
    }

    /// A private in-memory database, for tests.
    public convenience init(inMemory: Void = ()) throws {
        try self.init(try SerializedDatabase.inMemory())
    }

    private init(_ queue: SerializedDatabase) throws {
        self.queue = queue
        lines = LineTable(queue: queue)
        readings = ReadingTable(queue: queue)
        alerts = AlertTable(queue: queue)
        alertLog = AlertLogTable(queue: queue)
        outbox = OutboxTable(queue: queue)
        counters = CounterTable(queue: queue)
        discovered = DiscoveryTable(queue: queue)
        renewals = RenewalTable(queue: queue)
        history = ReadingHistory(queue: queue)
        retention = Retention(queue: queue)
        try queue.withDatabase { db in _ = try Self.migrator.migrate(db) }
    }

    // MARK: - meta

    public func meta(_ key: String) throws -> String? {
        try queue.read { db in try db.value(String.self, "SELECT value FROM meta WHERE key = ?", [key]) }
    }

    /// Every meta value whose key starts with `prefix`, by key (one query, for start-up's thousands of lines).
    public func metas(prefix: String) throws -> [String: String] {
        try queue.read { db in
            var out: [String: String] = [:]
            for row in try db.rows(
                "SELECT key, value FROM meta WHERE substr(key, 1, ?) = ?",
                [prefix.utf8.count, prefix]
            ) {
                out[try row["key"]] = try row["value"]
            }
            return out
        }
    }

    public func setMeta(_ key: String, _ value: String) throws {
        try queue.write { db in
            try db.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", [key, value])
        }
    }

    // MARK: - writing

    /// Writes a poll round's changes in one transaction.
    /// Write transactions committed since the store was opened (every write: polls' judgements, deliveries, the
    /// renewal ledger, compaction).
    public var transactions: Int { queue.committedWrites }

    public func commit(_ batch: StoreBatch) throws {
        guard !batch.isEmpty else { return }
        try queue.write { db in
            for record in batch.lines { try LineTable.save(record, db) }
            for reading in batch.readings { try ReadingTable.insert(reading, db) }
            for alert in batch.alerts { try AlertTable.save(alert, db) }
            for entry in batch.log { try AlertLogTable.append(entry, db) }
            for cancel in batch.cancelled {
                try OutboxTable.cancel(line: cancel.line, rule: cancel.rule, episode: cancel.episode, db)
            }
            for reminder in batch.reminders { try OutboxTable.enqueue(reminder, db) }
            for change in batch.ledger { try RenewalTable.apply(change, db) }
            for (key, value) in batch.meta {
                try db.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", [key, value])
            }
        }
    }
}
