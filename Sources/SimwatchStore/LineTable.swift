import FoundationEssentials
public import SimwatchCore
import SimwatchSQLite

/// Per-line poll state and plan period (`line_state`), one row per line, written with the poll round that changed
/// it (`StateStore.commit`).
public struct LineTable: Sendable {
    let queue: SerializedDatabase

    /// Every line's record, by line id.
    public func all() throws -> [String: LineRecord] {
        try queue.read { db in
            var out: [String: LineRecord] = [:]
            for row in try db.rows("SELECT * FROM line_state") {
                let record = try Self.record(row)
                out[record.lineID] = record
            }
            return out
        }
    }

    /// One line's record, nil when it has none yet.
    public func record(of line: String) throws -> LineRecord? {
        try queue.read { db in
            try db.rows("SELECT * FROM line_state WHERE line_id = ?", [line]).first.map(Self.record)
        }
    }

    static func record(_ row: Row) throws -> LineRecord {
        var period: PlanPeriod?
        if let started: Double = try row["period_started"] {
            period = try PlanPeriod(
                startedAt: Date(timeIntervalSince1970: started),
                quota: (row["period_quota"] as Int64?).map(ByteCount.init(bytes:)),
                expiresAt: StoredTime.date(row["period_expires"])
            )
        }
        var check: RenewalCheck?
        if let sequence: Int = try row["check_seq"], let renewed: Double = try row["check_renewed"],
            let until: Double = try row["check_until"]
        {
            check = try RenewalCheck(
                sequence: sequence,
                renewedAt: Date(timeIntervalSince1970: renewed),
                until: Date(timeIntervalSince1970: until),
                remainingBefore: (row["check_remaining"] as Int64?).map(ByteCount.init(bytes:)),
                expiresBefore: StoredTime.date(row["check_expires"]),
                late: row["check_late"]
            )
        }
        return try LineRecord(
            lineID: row["line_id"],
            firstSeen: Date(timeIntervalSince1970: row["first_seen"]),
            period: period,
            periodOrigin: row["period_origin"],
            lastAttempt: StoredTime.date(row["last_attempt"]),
            lastSuccess: StoredTime.date(row["last_success"]),
            failures: row["failures"],
            lastError: row["last_error"],
            polls: row["polls"],
            renewals: row["renewals"],
            renewedAt: StoredTime.date(row["renewed_at"]),
            check: check
        )
    }

    static func save(_ r: LineRecord, _ db: Database) throws {
        try db.execute(
            """
            INSERT OR REPLACE INTO line_state(line_id, first_seen, period_started, period_quota, period_expires,
                period_origin, last_attempt, last_success, failures, last_error, polls, renewals, renewed_at,
                check_seq, check_renewed, check_until, check_remaining, check_expires, check_late)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [
                r.lineID, r.firstSeen.timeIntervalSince1970, r.period?.startedAt.timeIntervalSince1970,
                r.period?.quota?.bytes, r.period?.expiresAt?.timeIntervalSince1970, r.periodOrigin,
                r.lastAttempt?.timeIntervalSince1970, r.lastSuccess?.timeIntervalSince1970, r.failures, r.lastError,
                r.polls, r.renewals, r.renewedAt?.timeIntervalSince1970, r.check?.sequence,
                r.check?.renewedAt.timeIntervalSince1970, r.check?.until.timeIntervalSince1970,
                r.check?.remainingBefore?.bytes, r.check?.expiresBefore?.timeIntervalSince1970, r.check?.late ?? false,
            ]
        )
    }
}
