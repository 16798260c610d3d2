public import FoundationEssentials
internal import GRDB
public import SimwatchCore

/// The daemon's state in SQLite (WAL): readings and their roll-ups, per-line poll state and plan period, alert
/// state and history, and the outbox of reminders. One writer (the daemon); every change of a poll round is one
/// transaction.
public final class StateStore: Sendable {
    let queue: DatabaseQueue

    /// Opens (creating and migrating as needed) the database at `path`.
    public init(path: String) throws {
        var config = Configuration()
        config.busyMode = .timeout(5)
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        queue = try DatabaseQueue(path: path, configuration: config)
        try queue.writeWithoutTransaction { db in
            _ = try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")
        }
        try Self.migrator.migrate(queue)
    }

    /// A private in-memory database, for tests.
    public init(inMemory: Void = ()) throws {
        queue = try DatabaseQueue()
        try Self.migrator.migrate(queue)
    }

    // MARK: - meta

    public func meta(_ key: String) throws -> String? {
        try queue.read { db in try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = ?", arguments: [key]) }
    }

    public func setMeta(_ key: String, _ value: String) throws {
        try queue.write { db in
            try db.execute(sql: "INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", arguments: [key, value])
        }
    }

    // MARK: - loading

    public func lineRecords() throws -> [String: LineRecord] {
        try queue.read { db in
            var out: [String: LineRecord] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT * FROM line_state") {
                let record = Self.lineRecord(row)
                out[record.lineID] = record
            }
            return out
        }
    }

    public func alertStates() throws -> [AlertState] {
        try queue.read { db in try Row.fetchAll(db, sql: "SELECT * FROM alert").map(Self.alertState) }
    }

    /// Successful readings of `line` observed at or after `since`, oldest first.
    public func readings(line: String, since: Date, limit: Int = 10_000) throws -> [Reading] {
        try queue.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT * FROM (SELECT * FROM reading WHERE line_id = ? AND observed_at >= ?
                                   ORDER BY observed_at DESC LIMIT ?) ORDER BY observed_at
                    """,
                arguments: [line, since.timeIntervalSince1970, limit]
            ).map(Self.reading)
        }
    }

    public func latestReading(line: String) throws -> Reading? {
        try queue.read { db in
            try Row.fetchOne(
                db,
                sql: "SELECT * FROM reading WHERE line_id = ? ORDER BY observed_at DESC LIMIT 1",
                arguments: [line]
            ).map(Self.reading)
        }
    }

    public func alertLog(line: String, limit: Int = 50) throws -> [AlertLogEntry] {
        try queue.read { db in
            try Row.fetchAll(
                db,
                sql: "SELECT * FROM alert_log WHERE line_id = ? ORDER BY at DESC, id DESC LIMIT ?",
                arguments: [line, limit]
            ).map { row in
                AlertLogEntry(
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
                    sql: """
                        INSERT INTO alert_log(line_id, rule_id, episode, event, stage, occurrence, at, summary)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        entry.lineID, entry.ruleID, entry.episode, entry.event, entry.stage, entry.occurrence,
                        entry.at.timeIntervalSince1970, entry.summary,
                    ]
                )
            }
            for cancel in batch.cancelled {
                try db.execute(
                    sql: """
                        UPDATE outbox SET state = 'cancelled'
                        WHERE state = 'pending' AND attempts = 0 AND line_id = ? AND rule_id = ? AND episode = ?
                        """,
                    arguments: [cancel.line, cancel.rule, cancel.episode]
                )
            }
            for reminder in batch.reminders { try Self.enqueue(reminder, db) }
        }
    }
}
