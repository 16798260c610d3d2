public import SimwatchCore
import SimwatchSQLite

/// The SIMs discovered per provider account (`discovered_sim`), so a restart knows their lines at once, before
/// listing the account again.
public struct DiscoveryTable: Sendable {
    let queue: SerializedDatabase

    /// Every account's discovered SIMs, by account name, each sorted by ICCID.
    public func all() throws -> [String: [DiscoveredSIM]] {
        try queue.read { db in
            var out: [String: [DiscoveredSIM]] = [:]
            for row in try db.rows("SELECT * FROM discovered_sim ORDER BY account, iccid") {
                let account: String = try row["account"]
                out[account, default: []].append(
                    DiscoveredSIM(iccid: try row["iccid"], name: try row["name"], missing: try row["missing"])
                )
            }
            return out
        }
    }

    /// Replaces the account's discovered set in one transaction.
    public func replace(account: String, with sims: [DiscoveredSIM]) throws {
        try queue.write { db in
            try db.execute("DELETE FROM discovered_sim WHERE account = ?", [account])
            for sim in sims {
                try db.execute(
                    "INSERT INTO discovered_sim(account, iccid, name, missing) VALUES (?, ?, ?, ?)",
                    [account, sim.iccid, sim.name, sim.missing]
                )
            }
        }
    }
}
