public import SimwatchCore
import SimwatchSQLite

extension StateStore {
    /// The newest reading that was observed rather than estimated.
    public func latestObservedReading(line: String) throws -> Reading? {
        try queue.read { db in
            try db.row(
                "SELECT * FROM reading WHERE line_id = ? AND estimated = 0 ORDER BY observed_at DESC LIMIT 1",
                [line]
            ).map(Self.reading)
        }
    }
}
