import SimwatchSQLite
import Testing

@Suite struct StatementTests {
    @Test func theCacheReusesOneStatementPerSQLText() throws {
        let db = try Database.inMemory()
        try db.execute(script: "CREATE TABLE t (v INTEGER)")
        let insert = "INSERT INTO t(v) VALUES (?)"
        let first = try db.cachedStatement(insert)
        #expect(try db.cachedStatement(insert) === first)
        for value in 1...100 { try db.execute(insert, [value]) }
        #expect(db.cachedStatementCount == 1)
        #expect(try db.value(Int.self, "SELECT SUM(v) FROM t") == 5050)
        #expect(db.cachedStatementCount == 2)
        #expect(try db.cachedStatement("SELECT 1") !== first)
    }

    @Test func aCachedStatementStartsOverWithClearedBindings() throws {
        let db = try Database.inMemory()
        try db.execute(script: "CREATE TABLE t (v INTEGER); INSERT INTO t VALUES (1), (2), (3)")
        let select = "SELECT v FROM t WHERE v >= ? ORDER BY v"
        let statement = try db.cachedStatement(select)
        try statement.bind([2])
        #expect(try statement.step())
        #expect(try statement.row()["v"] == 2)
        // Left mid-result; the next use starts from the top, and with NULL bound (v >= NULL matches nothing).
        let again = try db.cachedStatement(select)
        #expect(try again.rows().isEmpty)
        #expect(try db.rows(select, [1]).map { try $0[0] as Int } == [1, 2, 3])
        #expect(try db.row(select, [3])?.values == [.integer(3)])
    }

    @Test func stepAndResetRunAStatementAgain() throws {
        let db = try Database.inMemory()
        let statement = try db.makeStatement("SELECT 7")
        #expect(try statement.step())
        #expect(try !statement.step())
        statement.reset()
        #expect(try statement.step())
        #expect(try statement.row()[0] == 7)
    }

    @Test func aSchemaChangeIsSeenByACachedSelectStar() throws {
        let db = try Database.inMemory()
        try db.execute(script: "CREATE TABLE t (a); INSERT INTO t VALUES (1)")
        #expect(try db.row("SELECT * FROM t")?.columnNames == ["a"])
        try db.execute(script: "ALTER TABLE t ADD COLUMN b DEFAULT 2")
        let row = try #require(try db.row("SELECT * FROM t"))
        #expect(row.columnNames == ["a", "b"])
        #expect(try row["b"] == 2)
    }

    @Test func oneStatementPerTextAndNoneIsAnError() throws {
        let db = try Database.inMemory()
        let two = #expect(throws: SQLiteError.self) { try db.execute("SELECT 1; SELECT 2") }
        #expect(two?.code == .misuse)
        // A trailing semicolon and comment are not a second statement.
        #expect(try db.value(Int.self, "SELECT 1; -- done") == 1)
        #expect(throws: SQLiteError.self) { try db.execute("-- nothing") }
    }

    @Test func scriptsRunSeveralStatements() throws {
        let db = try Database.inMemory()
        try db.execute(script: "CREATE TABLE t (v); INSERT INTO t VALUES (1); INSERT INTO t VALUES (2);")
        #expect(try db.values(Int.self, "SELECT v FROM t ORDER BY v") == [1, 2])
        #expect(throws: RowError.self) { try db.values(Int.self, "SELECT NULL") }
        #expect(try db.value(Int.self, "SELECT NULL") == nil)
        #expect(try db.value(Int.self, "SELECT v FROM t WHERE v > 5") == nil)
    }

    @Test func changesAndRowIDs() throws {
        let db = try Database.inMemory()
        try db.execute(script: "CREATE TABLE t (id INTEGER PRIMARY KEY, v)")
        try db.execute("INSERT INTO t(v) VALUES (?)", ["a"])
        #expect(db.lastInsertRowID == 1)
        try db.execute("INSERT INTO t(v) VALUES (?)", ["b"])
        try db.execute("UPDATE t SET v = 'c'")
        #expect(db.changes == 2)
    }
}
