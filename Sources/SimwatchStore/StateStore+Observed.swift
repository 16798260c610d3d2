internal import GRDB
public import SimwatchCore

extension StateStore {
    /// The newest reading that was observed rather than estimated.
    public func latestObservedReading(line: String) throws -> Reading? {
        try queue.read { db in
            try Row.fetchOne(
                db,
                sql: "SELECT * FROM reading WHERE line_id = ? AND estimated = 0 ORDER BY observed_at DESC LIMIT 1",
                arguments: [line]
            ).map(Self.reading)
        }
    }
}
