import SimwatchSQLite
import Testing

/// A second connection holding the write lock makes a writer wait for its busy timeout, then fail with `.busy`.
@Suite struct BusyTimeoutTests {
    @Test func aWriterWaitsForTheTimeoutThenFailsWithBusy() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.file("state.db")
        let holder = try Database(path: path)
        #expect(try holder.enableWAL() == "wal")
        try holder.execute(script: "CREATE TABLE t (v)")
        let writer = try Database(path: path)
        try writer.setBusyTimeout(.milliseconds(300))

        try holder.execute(script: "BEGIN IMMEDIATE")
        let clock = ContinuousClock()
        let start = clock.now
        let error = #expect(throws: SQLiteError.self) {
            try writer.write { db in try db.execute("INSERT INTO t VALUES (1)") }
        }
        let waited = clock.now - start
        #expect(error?.code == .busy)
        #expect(waited >= .milliseconds(250))
        #expect(waited < .seconds(5))
        #expect(!writer.isInTransaction)

        // Once the lock is released the same writer succeeds.
        try holder.execute(script: "COMMIT")
        try writer.write { db in try db.execute("INSERT INTO t VALUES (1)") }
        #expect(try holder.value(Int.self, "SELECT COUNT(*) FROM t") == 1)
    }

    @Test func readersAreNotBlockedByAWriterInWAL() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.file("state.db")
        let holder = try Database(path: path)
        try holder.enableWAL()
        try holder.execute(script: "CREATE TABLE t (v); INSERT INTO t VALUES (1)")
        let reader = try Database(path: path)
        try reader.setBusyTimeout(.zero)
        try holder.execute(script: "BEGIN IMMEDIATE; INSERT INTO t VALUES (2)")
        // The reader sees the last committed state, at once.
        #expect(try reader.value(Int.self, "SELECT COUNT(*) FROM t") == 1)
        try holder.execute(script: "COMMIT")
        #expect(try reader.value(Int.self, "SELECT COUNT(*) FROM t") == 2)
    }

    @Test func inMemoryDatabasesCannotUseWAL() throws {
        #expect(try Database.inMemory().enableWAL() == "memory")
    }
}
