import Glibc
import SimwatchSQLite
import Testing

@Suite struct ErrorTests {
    @Test func constraintErrorsCarryTheExtendedCodeMessageAndSQL() throws {
        let db = try Database.inMemory()
        try db.execute(script: "CREATE TABLE t (id TEXT PRIMARY KEY, v NOT NULL)")
        try db.execute("INSERT INTO t VALUES ('a', 1)")
        let duplicate = #expect(throws: SQLiteError.self) { try db.execute("INSERT INTO t VALUES (?, 1)", ["a"]) }
        #expect(duplicate?.code == .constraint)
        #expect(duplicate?.extendedCode == 1555)  // SQLITE_CONSTRAINT_PRIMARYKEY
        #expect(duplicate?.message.contains("UNIQUE constraint failed: t.id") == true)
        #expect(duplicate?.description.contains("INSERT INTO t VALUES (?, 1)") == true)
        #expect(duplicate?.description.hasPrefix("UNIQUE constraint failed: t.id (SQLite error 1555)") == true)
        let null = #expect(throws: SQLiteError.self) { try db.execute("INSERT INTO t VALUES ('b', NULL)") }
        #expect(null?.extendedCode == 1299)  // SQLITE_CONSTRAINT_NOTNULL
        switch null?.code {
        case .constraint?: break
        default: Issue.record("a NOT NULL failure is a constraint error")
        }
    }

    @Test func syntaxErrorsNameTheSQL() throws {
        let db = try Database.inMemory()
        let error = #expect(throws: SQLiteError.self) { try db.execute("SELEC 1") }
        #expect(error?.code == .error)
        #expect(error?.sql == "SELEC 1")
        #expect(error?.message.contains("syntax error") == true)
    }

    @Test func aClosedDatabaseIsMisuse() throws {
        let db = try Database.inMemory()
        db.close()
        #expect(!db.isOpen)
        let error = #expect(throws: SQLiteError.self) { try db.execute("SELECT 1") }
        #expect(error?.code == .misuse)
    }

    @Test func openingFailuresSayWhichFile() throws {
        let error = #expect(throws: SQLiteError.self) { try Database(path: "/nonexistent-dir/x/state.db") }
        #expect(error?.code == .cannotOpen)
        #expect(error?.message.contains("/nonexistent-dir/x/state.db") == true)
    }

    @Test func aFileThatIsNotADatabase() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.file("junk.db")
        let db = try Database(path: path)
        db.close()
        // Overwrite it with text.
        let opened = fopen(path, "w")
        let file = try #require(opened)
        fputs(String(repeating: "not a database ", count: 100), file)
        fclose(file)
        let reopened = try Database(path: path)
        let error = #expect(throws: SQLiteError.self) { try reopened.execute("SELECT * FROM sqlite_master") }
        #expect(error?.code == .notADatabase)
    }
}
