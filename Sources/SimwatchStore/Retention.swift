public import FoundationEssentials
import SimwatchSQLite

/// Keeps the database small: raw readings for a window, then hourly roll-ups, then daily ones, so a year of
/// five-minute polling stays a few hundred kilobytes per line.
public struct Retention: Sendable {
    let queue: SerializedDatabase

    /// Rolls raw readings older than `keepRaw` into hourly buckets and hourly buckets older than `keepHourly`
    /// into daily ones; drops delivered or dead outbox rows and alert history older than `keepLog`.
    @discardableResult
    public func compact(
        now: Date,
        keepRaw: Double,
        keepHourly: Double = 90 * 86_400,
        keepLog: Double = 365 * 86_400
    ) throws -> CompactionReport {
        try queue.write { db in
            let rawCutoff = now.timeIntervalSince1970 - keepRaw
            try db.execute(
                """
                INSERT INTO reading_rollup(line_id, resolution, bucket, samples, min_remaining, max_remaining,
                    last_remaining, last_used, last_total, last_expires_at)
                SELECT line_id, 3600, CAST(observed_at / 3600 AS INTEGER) * 3600.0, COUNT(*),
                    MIN(remaining), MAX(remaining),
                    (SELECT r2.remaining FROM reading r2 WHERE r2.line_id = r.line_id
                        AND CAST(r2.observed_at / 3600 AS INTEGER) = CAST(r.observed_at / 3600 AS INTEGER)
                        ORDER BY r2.observed_at DESC LIMIT 1),
                    MAX(used), MAX(total), MAX(expires_at)
                FROM reading r WHERE observed_at < ?
                GROUP BY line_id, CAST(observed_at / 3600 AS INTEGER)
                ON CONFLICT(line_id, resolution, bucket) DO UPDATE SET
                    samples = samples + excluded.samples,
                    min_remaining = MIN(min_remaining, excluded.min_remaining),
                    max_remaining = MAX(max_remaining, excluded.max_remaining),
                    last_remaining = excluded.last_remaining,
                    last_used = excluded.last_used, last_total = excluded.last_total,
                    last_expires_at = excluded.last_expires_at
                """,
                [rawCutoff]
            )
            try db.execute("DELETE FROM reading WHERE observed_at < ?", [rawCutoff])
            let rawRemoved = db.changes

            let hourlyCutoff = now.timeIntervalSince1970 - keepHourly
            try db.execute(
                """
                INSERT INTO reading_rollup(line_id, resolution, bucket, samples, min_remaining, max_remaining,
                    last_remaining, last_used, last_total, last_expires_at)
                SELECT line_id, 86400, CAST(bucket / 86400 AS INTEGER) * 86400.0, SUM(samples),
                    MIN(min_remaining), MAX(max_remaining),
                    (SELECT h2.last_remaining FROM reading_rollup h2 WHERE h2.line_id = h.line_id
                        AND h2.resolution = 3600
                        AND CAST(h2.bucket / 86400 AS INTEGER) = CAST(h.bucket / 86400 AS INTEGER)
                        ORDER BY h2.bucket DESC LIMIT 1),
                    MAX(last_used), MAX(last_total), MAX(last_expires_at)
                FROM reading_rollup h WHERE resolution = 3600 AND bucket < ?
                GROUP BY line_id, CAST(bucket / 86400 AS INTEGER)
                ON CONFLICT(line_id, resolution, bucket) DO UPDATE SET
                    samples = samples + excluded.samples,
                    min_remaining = MIN(min_remaining, excluded.min_remaining),
                    max_remaining = MAX(max_remaining, excluded.max_remaining),
                    last_remaining = excluded.last_remaining
                """,
                [hourlyCutoff]
            )
            try db.execute(
                "DELETE FROM reading_rollup WHERE resolution = 3600 AND bucket < ?",
                [hourlyCutoff]
            )
            let hourlyRemoved = db.changes

            let logCutoff = now.timeIntervalSince1970 - keepLog
            try db.execute(
                "DELETE FROM outbox WHERE state IN ('sent', 'dead', 'cancelled', 'superseded') AND created_at < ?",
                [logCutoff]
            )
            let outboxRemoved = db.changes
            try db.execute("DELETE FROM alert_log WHERE at < ?", [logCutoff])
            return CompactionReport(rawRemoved: rawRemoved, hourlyRemoved: hourlyRemoved, outboxRemoved: outboxRemoved)
        }
    }

    /// Counts of rows per table, for benchmarks and `status`.
    public func rowCounts() throws -> [String: Int] {
        try queue.read { db in
            var out: [String: Int] = [:]
            for table in ["reading", "reading_rollup", "alert", "alert_log", "outbox"] {
                out[table] = try db.value(Int.self, "SELECT COUNT(*) FROM \(table)") ?? 0
            }
            return out
        }
    }
}
