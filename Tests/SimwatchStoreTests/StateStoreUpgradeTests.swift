import FoundationEssentials
import SimwatchCore
import SimwatchSQLite
import SimwatchStore
import Testing

/// A state.db written by simwatch 0.1 (GRDB recorded its migrations in `grdb_migrations`) opens in place: nothing is
/// migrated again, every row stays readable through StateStore, and opening it again writes nothing.
@Suite struct StateStoreUpgradeTests {
    /// Row counts and migration records, read with plain SQL beside StateStore.
    struct Census: Equatable {
        var readings: [String: Int] = [:]
        var alerts = 0
        var alertLog: [String: Int] = [:]
        var outbox = 0
        var lines: [String] = []
        var grdbMigrations: [String] = []
        var migrations: [String] = []
        var schemaVersion = 0

        init(_ path: String) throws {
            let db = try Database(path: path)
            for row in try db.rows("SELECT line_id, COUNT(*) AS n FROM reading GROUP BY line_id") {
                readings[try row["line_id"]] = try row["n"]
            }
            for row in try db.rows("SELECT line_id, COUNT(*) AS n FROM alert_log GROUP BY line_id") {
                alertLog[try row["line_id"]] = try row["n"]
            }
            alerts = try db.value(Int.self, "SELECT COUNT(*) FROM alert") ?? 0
            outbox = try db.value(Int.self, "SELECT COUNT(*) FROM outbox") ?? 0
            lines = try db.values(String.self, "SELECT line_id FROM line_state ORDER BY line_id")
            grdbMigrations = try db.values(String.self, "SELECT identifier FROM grdb_migrations ORDER BY identifier")
            let hasOurs = try db.value(Int.self, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'schema_migration'")
            if hasOurs == 1 {
                migrations = try db.values(String.self, "SELECT identifier FROM schema_migration ORDER BY identifier")
            }
            schemaVersion = try db.value(Int.self, "PRAGMA schema_version") ?? 0
        }
    }

    @Test func aDatabaseFrom0_1IsUpgradedInPlaceAndStaysReadable() throws {
        let fixture = try FixtureDatabase("state-0.1.db")
        defer { fixture.remove() }
        let before = try Census(fixture.path)
        #expect(before.grdbMigrations == ["v1", "v2"])
        #expect(before.migrations.isEmpty)
        #expect(!before.readings.isEmpty)
        #expect(before.alerts > 0)
        #expect(before.outbox > 0)

        let store = try StateStore(path: fixture.path)
        let after = try Census(fixture.path)
        #expect(after.migrations == ["v1", "v2", "v3", "v4", "v5"])
        // GRDB's records stay; no table was created again: schema_migration was added (one change), then v3's
        // renewal table, its index and six line_state columns (eight), then v4's four outbox columns, then v5's
        // discovered_sim table.
        #expect(after.grdbMigrations == ["v1", "v2"])
        #expect(after.schemaVersion == before.schemaVersion + 1 + 8 + 4 + 1)
        #expect(after.readings == before.readings)
        #expect(after.alertLog == before.alertLog)

        let lines = try store.lines.all()
        #expect(lines.keys.sorted() == before.lines)
        for line in before.lines {
            #expect(lines[line]?.firstSeen != nil)
            let count = before.readings[line] ?? 0
            #expect(try store.readings.list(line: line, since: .distantPast, limit: 1_000_000).count == count)
            #expect((try store.readings.latest(line: line) != nil) == (count > 0))
            #expect(try store.alertLog.entries(line: line, limit: 1_000_000).count == (before.alertLog[line] ?? 0))
            _ = try store.history.samples(line: line, since: .distantPast, until: .distantFuture)
            _ = try store.counters.state(line: line)
        }
        #expect(try store.alerts.all().count == before.alerts)
        // Every outbox row's payload still decodes (undecodable ones would be dropped from the list).
        #expect(try store.outbox.list(limit: 1_000_000).count == before.outbox)
        let counts = try store.outbox.counts()
        #expect(counts.pending + counts.dead <= before.outbox)
        #expect(try store.retention.rowCounts()["outbox"] == before.outbox)

        // Values, not only counts: StateStore reads what 0.1 wrote.
        let raw = try Database(path: fixture.path)
        for line in before.lines {
            let newest = try raw.row(
                "SELECT observed_at, remaining FROM reading WHERE line_id = ? ORDER BY observed_at DESC LIMIT 1",
                [line]
            )
            let observedAt: Double = try #require(try newest?["observed_at"])
            let remaining: Int64? = try newest?["remaining"]
            let reading = try #require(try store.readings.latest(line: line))
            #expect(reading.observedAt.timeIntervalSince1970 == observedAt)
            #expect(reading.remaining?.bytes == remaining)
        }
        let states = try raw.values(String.self, "SELECT state FROM outbox ORDER BY state")
        #expect(try store.outbox.list(limit: 1_000_000).map(\.state.rawValue).sorted() == states)
    }

    @Test func openingAnUpgradedDatabaseAgainWritesNothing() throws {
        let fixture = try FixtureDatabase("state-0.1.db")
        defer { fixture.remove() }
        _ = try StateStore(path: fixture.path)
        let upgraded = try Census(fixture.path)

        // data_version changes when another connection commits a change to the file.
        let watcher = try Database(path: fixture.path)
        let version = try watcher.value(Int.self, "PRAGMA data_version")
        do {
            let again = try StateStore(path: fixture.path)
            #expect(try again.lines.all().count == upgraded.lines.count)
        }
        #expect(try watcher.value(Int.self, "PRAGMA data_version") == version)
        #expect(try Census(fixture.path) == upgraded)
    }

    @Test func aNewDatabaseRecordsItsMigrationsInItsOwnTable() throws {
        let directory = "/tmp/simwatch-store-new-\(UInt64.random(in: 0...UInt64.max))"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        _ = try StateStore(path: directory + "/state.db")
        let db = try Database(path: directory + "/state.db")
        #expect(
            try db.values(String.self, "SELECT identifier FROM schema_migration ORDER BY 1") == [
                "v1", "v2", "v3", "v4", "v5",
            ]
        )
        #expect(try db.value(Int.self, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'grdb_migrations'") == 0)
    }

    @Test func aDamagedValueIsAnErrorNotACrash() throws {
        let directory = "/tmp/simwatch-store-bad-\(UInt64.random(in: 0...UInt64.max))"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let store = try StateStore(path: directory + "/state.db")
        var batch = StoreBatch()
        batch.lines = [LineRecord(lineID: "l", firstSeen: Date(timeIntervalSince1970: 1_795_132_800))]
        try store.commit(batch)
        let db = try Database(path: directory + "/state.db")
        try db.execute("UPDATE line_state SET polls = 'many'")
        let error = #expect(throws: RowError.self) { try store.lines.all() }
        #expect(error?.column == "polls")
    }
}
