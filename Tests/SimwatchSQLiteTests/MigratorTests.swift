import SimwatchSQLite
import Testing

@Suite struct MigratorTests {
    /// A migrator whose migrations create tables named after them, in order.
    func migrator(_ identifiers: [String]) -> Migrator {
        var migrator = Migrator()
        for identifier in identifiers {
            migrator.register(identifier) { db in
                try db.execute(script: "CREATE TABLE \(identifier) (n INTEGER)")
                // Each sees the ones before it.
                let count = try db.value(Int.self, "SELECT COUNT(*) FROM sqlite_master WHERE name LIKE 'm%'") ?? 0
                try db.execute("INSERT INTO \(identifier) VALUES (?)", [count])
            }
        }
        return migrator
    }

    @Test func migrationsRunInOrderOnceEach() throws {
        let db = try Database.inMemory()
        let migrator = migrator(["m1", "m2", "m3"])
        #expect(try migrator.pendingIdentifiers(db) == ["m1", "m2", "m3"])
        #expect(try migrator.migrate(db) == ["m1", "m2", "m3"])
        #expect(try db.value(Int.self, "SELECT n FROM m1") == 1)
        #expect(try db.value(Int.self, "SELECT n FROM m3") == 3)
        #expect(try migrator.appliedIdentifiers(db) == ["m1", "m2", "m3"])

        // Again: nothing runs and nothing is written.
        let changes = db.totalChanges
        #expect(try migrator.migrate(db) == [])
        #expect(db.totalChanges == changes)
    }

    @Test func aNewMigrationRunsAloneOnAnOlderDatabase() throws {
        let db = try Database.inMemory()
        try migrator(["m1", "m2"]).migrate(db)
        #expect(try migrator(["m1", "m2", "m3"]).migrate(db) == ["m3"])
        #expect(try db.value(Int.self, "SELECT n FROM m3") == 3)
    }

    @Test func aFailingMigrationLeavesNoTraceAndStopsTheRest() throws {
        struct Boom: Error {}
        let db = try Database.inMemory()
        var migrator = migrator(["m1"])
        migrator.register("m2") { db in
            try db.execute(script: "CREATE TABLE m2 (n)")
            throw Boom()
        }
        migrator.register("m3") { db in try db.execute(script: "CREATE TABLE m3 (n)") }
        #expect(throws: Boom.self) { try migrator.migrate(db) }
        #expect(try migrator.appliedIdentifiers(db) == ["m1"])
        #expect(try db.value(Int.self, "SELECT COUNT(*) FROM sqlite_master WHERE name IN ('m2', 'm3')") == 0)
    }

    @Test func grdbRecordsAreImportedSoNothingRunsTwice() throws {
        let db = try Database.inMemory()
        // What GRDB's DatabaseMigrator leaves after running "m1" and "m2".
        try db.execute(
            script: """
                CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY);
                CREATE TABLE m1 (n INTEGER); CREATE TABLE m2 (n INTEGER);
                INSERT INTO grdb_migrations VALUES ('m1'), ('m2');
                """
        )
        let migrator = migrator(["m1", "m2", "m3"])
        #expect(try migrator.pendingIdentifiers(db) == ["m1", "m2", "m3"])
        #expect(try migrator.migrate(db) == ["m3"])
        #expect(try migrator.appliedIdentifiers(db) == ["m1", "m2", "m3"])
        // GRDB's table is left as it was.
        #expect(try db.values(String.self, "SELECT identifier FROM grdb_migrations ORDER BY 1") == ["m1", "m2"])
        let changes = db.totalChanges
        #expect(try migrator.migrate(db) == [])
        #expect(db.totalChanges == changes)
    }

    @Test func identifiersFromANewerVersionAreKeptAndReported() throws {
        let db = try Database.inMemory()
        try migrator(["m1", "m2"]).migrate(db)
        let older = migrator(["m1"])
        #expect(try older.migrate(db) == [])
        #expect(try older.appliedIdentifiers(db) == ["m1", "m2"])
    }
}
