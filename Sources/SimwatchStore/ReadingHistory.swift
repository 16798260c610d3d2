public import FoundationEssentials
import SimwatchSQLite

/// A line's data over time, read across raw readings (`reading`) and the hourly and daily roll-ups
/// (`reading_rollup`) that `Retention` makes of them.
public struct ReadingHistory: Sendable {
    let queue: SerializedDatabase

    /// Data left between two instants, oldest first: daily and hourly roll-ups for the old part, raw readings where
    /// they are still kept.
    public func samples(line: String, since: Date, until: Date) throws -> [HistorySample] {
        try queue.read { db in
            let from = since.timeIntervalSince1970
            let to = until.timeIntervalSince1970
            let firstRaw =
                try db.value(
                    Double.self,
                    "SELECT MIN(observed_at) FROM reading WHERE line_id = ?",
                    [line]
                )
                ?? .infinity
            let firstHour =
                try db.value(
                    Double.self,
                    "SELECT MIN(bucket) FROM reading_rollup WHERE line_id = ? AND resolution = 3600",
                    [line]
                ) ?? firstRaw
            var out: [HistorySample] = []
            for (resolution, label, lower, upper) in [
                (86_400, "day", from, min(to, firstHour)), (3600, "hour", max(from, firstHour), min(to, firstRaw)),
            ] where lower < upper {
                let rows = try db.rows(
                    """
                    SELECT bucket, last_remaining FROM reading_rollup
                    WHERE line_id = ? AND resolution = ? AND bucket >= ? AND bucket < ? ORDER BY bucket
                    """,
                    [line, resolution, lower, upper]
                )
                out += try rows.map {
                    try HistorySample(
                        at: Date(timeIntervalSince1970: $0["bucket"]),
                        remaining: $0["last_remaining"],
                        resolution: label
                    )
                }
            }
            let raw = try db.rows(
                """
                SELECT observed_at, COALESCE(remaining, total - used) AS remaining FROM reading
                WHERE line_id = ? AND observed_at >= ? AND observed_at <= ? ORDER BY observed_at
                """,
                [line, from, to]
            )
            out += try raw.map {
                try HistorySample(
                    at: Date(timeIntervalSince1970: $0["observed_at"]),
                    remaining: $0["remaining"],
                    resolution: "raw"
                )
            }
            return out
        }
    }

    /// Roll-up rows of a line: (bucket start, samples, last remaining bytes) at `resolution` seconds.
    public func rollups(line: String, resolution: Int) throws -> [(bucket: Date, samples: Int, lastRemaining: Int64?)] {
        try queue.read { db in
            try db.rows(
                """
                SELECT bucket, samples, last_remaining FROM reading_rollup
                WHERE line_id = ? AND resolution = ? ORDER BY bucket
                """,
                [line, resolution]
            ).map { try (Date(timeIntervalSince1970: $0["bucket"]), $0["samples"], $0["last_remaining"]) }
        }
    }
}
