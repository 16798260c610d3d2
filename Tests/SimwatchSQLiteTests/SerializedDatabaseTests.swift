import SimwatchSQLite
import Testing

@Suite struct SerializedDatabaseTests {
    @Test func openUsesWALAndTheGivenSettings() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let db = try SerializedDatabase.open(path: dir.file("state.db"), busyTimeout: .milliseconds(1234))
        #expect(try db.withDatabase { try $0.value(String.self, "PRAGMA journal_mode") } == "wal")
        #expect(try db.withDatabase { try $0.value(Int.self, "PRAGMA busy_timeout") } == 1234)
        #expect(try db.withDatabase { try $0.value(Int.self, "PRAGMA foreign_keys") } == 1)
        #expect(try db.withDatabase { try $0.value(Int.self, "PRAGMA synchronous") } == 1)  // NORMAL
    }

    @Test func writesFromManyThreadsAreSerialized() async throws {
        let db = try SerializedDatabase.inMemory()
        try db.write { db in try db.execute(script: "CREATE TABLE c (n INTEGER); INSERT INTO c VALUES (0)") }
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<8 {
                group.addTask {
                    for _ in 0..<50 {
                        // Read-modify-write: lost updates would show if two ran at once.
                        try? db.write { db in
                            let n = try db.value(Int.self, "SELECT n FROM c") ?? 0
                            try db.execute("UPDATE c SET n = ?", [n + 1])
                        }
                    }
                }
            }
        }
        #expect(try db.read { try $0.value(Int.self, "SELECT n FROM c") } == 400)
    }

    @Test func aFailedWriteChangesNothing() throws {
        struct Boom: Error {}
        let db = try SerializedDatabase.inMemory()
        try db.write { db in try db.execute(script: "CREATE TABLE t (v)") }
        #expect(throws: Boom.self) {
            try db.write { db in
                try db.execute("INSERT INTO t VALUES (1)")
                throw Boom()
            }
        }
        #expect(try db.read { try $0.value(Int.self, "SELECT COUNT(*) FROM t") } == 0)
    }
}
