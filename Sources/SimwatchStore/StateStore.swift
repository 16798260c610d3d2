public import FoundationEssentials
public import SimwatchCore
import SimwatchSQLite

/// The daemon's state in SQLite (WAL): readings and their roll-ups, per-line poll state and plan period, alert
/// state and history, and the outbox of reminders. One writer (the daemon); every change of a poll round is one
/// transaction.
public final class StateStore: Sendable {
    let queue: SerializedDatabase

    /// Opens (creating and migrating as needed) the database at `path`: WAL, `synchronous = NORMAL`, and a 5 s
    /// busy timeout against other connections (`sqlite3` run by hand while the daemon is up).
    public init(path: String) throws {
        // Short: a write that waits holds the engine (and the status queries behind it); a database locked for
        // longer is the engine's back-off's business.
        queue = try SerializedDatabase.open(path: path, busyTimeout: .seconds(2))
        try queue.withDatabase { db in _ = try Self.migrator.migrate(db) }
    }

    /// A private in-memory database, for tests.
    public init(inMemory: Void = ()) throws {
        queue = try SerializedDatabase.inMemory()
        try queue.withDatabase { db in _ = try Self.migrator.migrate(db) }
    }

    // MARK: - meta

    public func meta(_ key: String) throws -> String? {
        try queue.read { db in try db.value(String.self, "SELECT value FROM meta WHERE key = ?", [key]) }
    }

    public func setMeta(_ key: String, _ value: String) throws {
        try queue.write { db in
            try db.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", [key, value])
        }
    }

    // MARK: - loading

    public func lineRecords() throws -> [String: LineRecord] {
        try queue.read { db in
            var out: [String: LineRecord] = [:]
            for row in try db.rows("SELECT * FROM line_state") {
                let record = try Self.lineRecord(row)
                out[record.lineID] = record
            }
            return out
        }
    }

    public func alertStates() throws -> [AlertState] {
        try queue.read { db in try db.rows("SELECT * FROM alert").map(Self.alertState) }
    }

    /// Successful readings of `line` observed at or after `since`, oldest first.
    public func readings(line: String, since: Date, limit: Int = 10_000) throws -> [Reading] {
        try queue.read { db in
            try db.rows(
                """
                SELECT * FROM (SELECT * FROM reading WHERE line_id = ? AND observed_at >= ?
                               ORDER BY observed_at DESC LIMIT ?) ORDER BY observed_at
                """,
                [line, since.timeIntervalSince1970, limit]
            ).map(Self.reading)
        }
    }

    public func latestReading(line: String) throws -> Reading? {
        try queue.read { db in
            try db.row(
                "SELECT * FROM reading WHERE line_id = ? ORDER BY observed_at DESC LIMIT 1",
                [line]
            ).map(Self.reading)
        }
    }

    public func alertLog(line: String, limit: Int = 50) throws -> [AlertLogEntry] {
        try queue.read { db in
            try db.rows(
                "SELECT * FROM alert_log WHERE line_id = ? ORDER BY at DESC, id DESC LIMIT ?",
                [line, limit]
            ).map { row in
                try AlertLogEntry(
                    lineID: row["line_id"],
                    ruleID: row["rule_id"],
                    episode: row["episode"],
                    event: row["event"],
                    stage: row["stage"],
                    occurrence: row["occurrence"],
                    at: Date(timeIntervalSince1970: row["at"]),
                    summary: row["summary"]
                )
            }
        }
    }

    // MARK: - writing

    /// Writes a poll round's changes in one transaction.
    public func commit(_ batch: StoreBatch) throws {
        guard !batch.isEmpty else { return }
        try queue.write { db in
            for record in batch.lines { try Self.save(record, db) }
            for reading in batch.readings { try Self.insert(reading, db) }
            for alert in batch.alerts { try Self.save(alert, db) }
            for entry in batch.log {
                try db.execute(
                    """
                    INSERT INTO alert_log(line_id, rule_id, episode, event, stage, occurrence, at, summary)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                    [
                        entry.lineID, entry.ruleID, entry.episode, entry.event, entry.stage, entry.occurrence,
                        entry.at.timeIntervalSince1970, entry.summary,
                    ]
                )
            }
            for cancel in batch.cancelled {
                try db.execute(
                    """
                    UPDATE outbox SET state = 'cancelled'
                    WHERE state = 'pending' AND line_id = ? AND rule_id = ? AND episode = ?
                    """,
                    [cancel.line, cancel.rule, cancel.episode]
                )
            }
            for reminder in batch.reminders { try Self.enqueue(reminder, db) }
        }
    }
}
