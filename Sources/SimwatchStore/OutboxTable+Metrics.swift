import SimwatchSQLite

extension OutboxTable {
    /// Reminders waiting in the outbox, by channel: one indexed count per scrape of the metrics.
    public func pendingByChannel() throws -> [String: Int] {
        try queue.read { db in
            var out: [String: Int] = [:]
            let sql = "SELECT channel, COUNT(*) AS n FROM outbox WHERE state = 'pending' GROUP BY channel"
            for row in try db.rows(sql) {
                out[try row["channel"]] = try row["n"]
            }
            return out
        }
    }
}
