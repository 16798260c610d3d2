import FoundationEssentials
public import SimwatchCore
import SimwatchSQLite

/// Alert history (`alert_log`): every transition and reminder of a line's alerts, kept a year by `Retention`.
public struct AlertLogTable: Sendable {
    let queue: SerializedDatabase

    /// The line's history, newest first.
    public func entries(line: String, limit: Int = 50) throws -> [AlertLogEntry] {
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

    static func append(_ entry: AlertLogEntry, _ db: Database) throws {
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
}
