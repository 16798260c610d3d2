import SimwatchSQLite
import Testing

@Suite struct TransactionTests {
    struct Boom: Error {}

    @Test func aThrowRollsBackEverything() throws {
        let db = try Database.inMemory()
        try db.execute(script: "CREATE TABLE t (v)")
        #expect(throws: Boom.self) {
            try db.write { db in
                try db.execute("INSERT INTO t VALUES (1)")
                #expect(db.isInTransaction)
                throw Boom()
            }
        }
        #expect(!db.isInTransaction)
        #expect(try db.value(Int.self, "SELECT COUNT(*) FROM t") == 0)
    }

    @Test func aFailingStatementRollsBackTheEarlierOnes() throws {
        let db = try Database.inMemory()
        try db.execute(script: "CREATE TABLE t (v PRIMARY KEY)")
        let error = #expect(throws: SQLiteError.self) {
            try db.write { db in
                try db.execute("INSERT INTO t VALUES (1)")
                try db.execute("INSERT INTO t VALUES (1)")
            }
        }
        #expect(error?.code == .constraint)
        #expect(error?.sql == "INSERT INTO t VALUES (1)")
        #expect(try db.value(Int.self, "SELECT COUNT(*) FROM t") == 0)
    }

    @Test func aReturnCommitsAndPassesTheResult() throws {
        let db = try Database.inMemory()
        try db.execute(script: "CREATE TABLE t (v)")
        let count = try db.transaction(.deferred) { db in
            try db.execute("INSERT INTO t VALUES (1)")
            return try db.value(Int.self, "SELECT COUNT(*) FROM t")
        }
        #expect(count == 1)
        #expect(!db.isInTransaction)
        #expect(try db.value(Int.self, "SELECT COUNT(*) FROM t") == 1)
    }

    @Test func nestingIsRefusedWithoutLosingTheOuterTransaction() throws {
        let db = try Database.inMemory()
        try db.execute(script: "CREATE TABLE t (v)")
        try db.write { db in
            try db.execute("INSERT INTO t VALUES (1)")
            #expect(throws: SQLiteError.self) { try db.write { _ in } }
            #expect(db.isInTransaction)
        }
        #expect(try db.value(Int.self, "SELECT COUNT(*) FROM t") == 1)
    }
}
