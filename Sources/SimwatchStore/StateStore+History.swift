public import FoundationEssentials
import SimwatchSQLite

/// One point of a line's data history.
public struct HistorySample: Sendable, Hashable {
    public var at: Date
    public var remaining: Int64?
    /// raw, hour or day
    public var resolution: String

    public init(at: Date, remaining: Int64?, resolution: String) {
        self.at = at
        self.remaining = remaining
        self.resolution = resolution
    }

    /// At most `maxPoints` samples: the last one of each equal slice of `[since, until]`.
    public static func thin(_ samples: [HistorySample], since: Date, until: Date, maxPoints: Int) -> [HistorySample] {
        guard maxPoints > 0, samples.count > maxPoints else { return samples }
        let span = max(until.timeIntervalSince(since), 1)
        var slices: [Int: HistorySample] = [:]
        for sample in samples {
            let index = min(maxPoints - 1, max(0, Int(sample.at.timeIntervalSince(since) / span * Double(maxPoints))))
            slices[index] = sample
        }
        return slices.keys.sorted().compactMap { slices[$0] }
    }
}

extension StateStore {
    /// Data left between two instants, oldest first: daily and hourly roll-ups for the old part, raw readings where
    /// they are still kept.
    public func history(line: String, since: Date, until: Date) throws -> [HistorySample] {
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

    /// Reminders waiting in the outbox, and those given up on.
    public func outboxCounts() throws -> (pending: Int, dead: Int) {
        try queue.read { db in
            let pending = try db.value(Int.self, "SELECT COUNT(*) FROM outbox WHERE state = 'pending'") ?? 0
            let dead = try db.value(Int.self, "SELECT COUNT(*) FROM outbox WHERE state = 'dead'") ?? 0
            return (pending, dead)
        }
    }
}
