public import FoundationEssentials
public import SimwatchCore
import SimwatchSQLite

/// The renewal ledger (`renewal`): every renewal recorded or detected, with what it cost, its order number and
/// receipt, and whether the provider confirmed it. Kept for good: retention never removes an entry.
public struct RenewalTable: Sendable {
    let queue: SerializedDatabase

    /// The entries renewed from `since` (all without), of one line or every line, oldest first.
    public func entries(line: String? = nil, since: Date? = nil) throws -> [RenewalEntry] {
        try queue.read { db in
            try db.rows(
                """
                SELECT * FROM renewal WHERE (?1 IS NULL OR line_id = ?1) AND (?2 IS NULL OR renewed_at >= ?2)
                ORDER BY renewed_at, line_id, seq
                """,
                [line, since?.timeIntervalSince1970]
            ).map(Self.entry)
        }
    }

    /// One entry, nil if there is none.
    public func entry(line: String, sequence: Int) throws -> RenewalEntry? {
        try queue.read { db in
            try db.rows("SELECT * FROM renewal WHERE line_id = ? AND seq = ?", [line, sequence]).first.map(Self.entry)
        }
    }

    /// Completes an entry afterwards: the price, order, note, offer or receipt (nil leaves each as it is).
    public func complete(_ entry: RenewalEntry) throws {
        try queue.write { db in
            try db.execute(
                """
                UPDATE renewal SET offer = ?, price = ?, currency = ?, order_id = ?, note = ?,
                    receipt_file = ?, receipt_sha256 = ?, receipt_bytes = ?, receipt_name = ?
                WHERE line_id = ? AND seq = ?
                """,
                [
                    entry.offer, entry.price.map { "\($0.amount)" }, entry.price?.currency, entry.order, entry.note,
                    entry.receipt?.file, entry.receipt?.sha256, entry.receipt?.bytes, entry.receipt?.originalName,
                    entry.lineID, entry.sequence,
                ]
            )
        }
    }

    /// The highest renewal number of each line (a line's record never counts below it).
    public func highestSequences() throws -> [String: Int] {
        try queue.read { db in
            var out: [String: Int] = [:]
            for row in try db.rows("SELECT line_id, MAX(seq) AS seq FROM renewal GROUP BY line_id") {
                out[try row["line_id"]] = try row["seq"]
            }
            return out
        }
    }

    static func apply(_ change: LedgerChange, _ db: Database) throws {
        switch change {
        case .add(let e):
            let check = Self.check(e.check)
            try db.execute(
                """
                INSERT INTO renewal(line_id, seq, origin, renewed_at, recorded_at, offer, data_bytes, unlimited,
                    expires_at, price, currency, order_id, receipt_file, receipt_sha256, receipt_bytes, receipt_name,
                    note, used_bytes, ended_at, check_state, check_at, check_by)
                VALUES (?1, CASE WHEN EXISTS (SELECT 1 FROM renewal WHERE line_id = ?1 AND seq = ?2)
                        THEN (SELECT MAX(seq) + 1 FROM renewal WHERE line_id = ?1) ELSE ?2 END,
                    ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22)
                """,
                // A number already taken (a line whose record was lost) takes the next free one: the entry is kept.
                [
                    e.lineID, e.sequence, e.origin.rawValue, e.renewedAt.timeIntervalSince1970,
                    e.recordedAt.timeIntervalSince1970, e.offer, e.data?.bytes, e.unlimited,
                    e.expiresAt?.timeIntervalSince1970, e.price.map { "\($0.amount)" }, e.price?.currency, e.order,
                    e.receipt?.file, e.receipt?.sha256, e.receipt?.bytes, e.receipt?.originalName, e.note,
                    e.usedBytes?.bytes, e.endedAt?.timeIntervalSince1970, check.state, check.at, check.by,
                ]
            )
        case .close(let line, let sequence, let used, let at):
            try db.execute(
                "UPDATE renewal SET used_bytes = ?, ended_at = ? WHERE line_id = ? AND seq = ? AND ended_at IS NULL",
                [used?.bytes, at.timeIntervalSince1970, line, sequence]
            )
        case .check(let line, let sequence, let state):
            let check = Self.check(state)
            try db.execute(
                "UPDATE renewal SET check_state = ?, check_at = ?, check_by = ? WHERE line_id = ? AND seq = ?",
                [check.state, check.at, check.by, line, sequence]
            )
        }
    }

    private static func check(_ state: RenewalCheck.State) -> (state: String, at: Double?, by: String?) {
        switch state {
        case .notNeeded: (state.name, nil, nil)
        case .waiting(let until): (state.name, until.timeIntervalSince1970, nil)
        case .late(let since): (state.name, since.timeIntervalSince1970, nil)
        case .confirmed(let at, let by): (state.name, at.timeIntervalSince1970, by)
        }
    }

    static func entry(_ row: Row) throws -> RenewalEntry {
        var price: Money?
        if let text: String = try row["price"], let currency: String = try row["currency"],
            let amount = Decimal(string: text)
        {
            price = Money(amount: amount, currency: currency)
        }
        var receipt: Receipt?
        if let file: String = try row["receipt_file"] {
            receipt = try Receipt(
                file: file,
                sha256: row["receipt_sha256"] ?? "",
                bytes: row["receipt_bytes"] ?? 0,
                originalName: row["receipt_name"] ?? file
            )
        }
        let at = try StoredTime.date(row["check_at"])
        let state: RenewalCheck.State
        switch try row["check_state"] as String {
        case "waiting": state = at.map { .waiting(until: $0) } ?? .notNeeded
        case "late": state = at.map { .late(since: $0) } ?? .notNeeded
        case "confirmed": state = try at.map { .confirmed(at: $0, by: try row["check_by"] ?? "provider") } ?? .notNeeded
        default: state = .notNeeded
        }
        return try RenewalEntry(
            lineID: row["line_id"],
            sequence: row["seq"],
            origin: RenewalEntry.Origin(rawValue: row["origin"]) ?? .recorded,
            renewedAt: Date(timeIntervalSince1970: row["renewed_at"]),
            recordedAt: Date(timeIntervalSince1970: row["recorded_at"]),
            offer: row["offer"],
            data: (row["data_bytes"] as Int64?).map(ByteCount.init(bytes:)),
            unlimited: row["unlimited"],
            expiresAt: StoredTime.date(row["expires_at"]),
            price: price,
            order: row["order_id"],
            receipt: receipt,
            note: row["note"],
            usedBytes: (row["used_bytes"] as Int64?).map(ByteCount.init(bytes:)),
            endedAt: StoredTime.date(row["ended_at"]),
            check: state
        )
    }
}
