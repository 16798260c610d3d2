public import FoundationEssentials
public import SimwatchCore
import SimwatchSQLite

/// Successful readings (`reading`), kept raw for a window before `Retention` rolls them up.
public struct ReadingTable: Sendable {
    let queue: SerializedDatabase

    /// Successful readings of `line` observed at or after `since`, oldest first.
    public func list(line: String, since: Date, limit: Int = 10_000) throws -> [Reading] {
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

    /// The newest reading of `line`.
    public func latest(line: String) throws -> Reading? {
        try queue.read { db in
            try db.row(
                "SELECT * FROM reading WHERE line_id = ? ORDER BY observed_at DESC LIMIT 1",
                [line]
            ).map(Self.reading)
        }
    }

    /// The newest reading that was observed rather than estimated.
    public func latestObserved(line: String) throws -> Reading? {
        try queue.read { db in
            try db.row(
                "SELECT * FROM reading WHERE line_id = ? AND estimated = 0 ORDER BY observed_at DESC LIMIT 1",
                [line]
            ).map(Self.reading)
        }
    }

    static func reading(_ row: Row) throws -> Reading {
        var credit: Money?
        if let text: String = try row["credit"], let currency: String = try row["currency"],
            let amount = Decimal(string: text)
        {
            credit = Money(amount: amount, currency: currency)
        }
        let statusText: String = try row["status"]
        return try Reading(
            lineID: row["line_id"],
            observedAt: Date(timeIntervalSince1970: row["observed_at"]),
            providerUpdatedAt: StoredTime.date(row["provider_updated_at"]),
            remaining: (row["remaining"] as Int64?).map(ByteCount.init(bytes:)),
            used: (row["used"] as Int64?).map(ByteCount.init(bytes:)),
            total: (row["total"] as Int64?).map(ByteCount.init(bytes:)),
            credit: credit,
            expiresAt: StoredTime.date(row["expires_at"]),
            status: Reading.Status(rawValue: statusText) ?? .unknown,
            source: row["source"],
            estimated: row["estimated"]
        )
    }

    static func insert(_ r: Reading, _ db: Database) throws {
        try db.execute(
            """
            INSERT INTO reading(line_id, observed_at, provider_updated_at, remaining, used, total, credit,
                currency, expires_at, status, source, estimated)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [
                r.lineID, r.observedAt.timeIntervalSince1970, r.providerUpdatedAt?.timeIntervalSince1970,
                r.remaining?.bytes, r.used?.bytes, r.total?.bytes, r.credit.map { "\($0.amount)" },
                r.credit?.currency, r.expiresAt?.timeIntervalSince1970, r.status.rawValue, r.source, r.estimated,
            ]
        )
    }
}
