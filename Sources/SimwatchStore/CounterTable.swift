import FoundationEssentials
public import SimwatchCore
import SimwatchSQLite

/// Interface counters accumulated per line by the counters provider (`counter_state`, `counter_interface`), so a
/// restart loses nothing.
public struct CounterTable: Sendable {
    let queue: SerializedDatabase

    /// The counters provider's accumulated usage and last sample for a line, if any.
    public func state(line: String) throws -> CounterState? {
        try queue.read { db in
            guard
                let row = try db.row("SELECT * FROM counter_state WHERE line_id = ?", [line])
            else { return nil }
            var interfaces: [String: InterfaceCounters] = [:]
            for r in try db.rows("SELECT * FROM counter_interface WHERE line_id = ?", [line]) {
                // SQLite integers are signed: the 64-bit counters are stored by bit pattern.
                let rx: Int64 = try r["rx"]
                let tx: Int64 = try r["tx"]
                interfaces[try r["name"]] = try InterfaceCounters(
                    rx: UInt64(bitPattern: rx),
                    tx: UInt64(bitPattern: tx),
                    ifindex: r["ifindex"]
                )
            }
            return try CounterState(
                periodStart: Date(timeIntervalSince1970: row["period_started"]),
                used: row["used"],
                bootID: row["boot_id"],
                sampledAt: Date(timeIntervalSince1970: row["sampled_at"]),
                interfaces: interfaces,
                discarded: row["discarded"]
            )
        }
    }

    /// Replaces the line's counter state in one transaction.
    public func save(_ state: CounterState, line: String) throws {
        try queue.write { db in
            try db.execute(
                """
                INSERT OR REPLACE INTO counter_state(line_id, period_started, used, boot_id, sampled_at, discarded)
                VALUES (?, ?, ?, ?, ?, ?)
                """,
                [
                    line, state.periodStart.timeIntervalSince1970, state.used, state.bootID,
                    state.sampledAt.timeIntervalSince1970, state.discarded,
                ]
            )
            try db.execute("DELETE FROM counter_interface WHERE line_id = ?", [line])
            for (name, counters) in state.interfaces {
                try db.execute(
                    "INSERT INTO counter_interface(line_id, name, rx, tx, ifindex) VALUES (?, ?, ?, ?, ?)",
                    [
                        line, name, Int64(bitPattern: counters.rx), Int64(bitPattern: counters.tx), counters.ifindex,
                    ]
                )
            }
        }
    }
}
