import SimwatchSQLite
import Testing

/// Every bindable type goes in and comes back out unchanged, by position and by name.
@Suite struct BindingTests {
    let db: Database

    init() throws {
        db = try Database.inMemory()
        try db.execute(script: "CREATE TABLE t (v)")
    }

    /// Inserts `value` into an untyped column and returns what SQLite stored.
    func roundTrip(_ value: (any SQLBindable)?) throws -> SQLValue {
        try db.execute("DELETE FROM t")
        try db.execute("INSERT INTO t(v) VALUES (?)", [value])
        return try #require(try db.row("SELECT v FROM t")).values[0]
    }

    @Test func integers() throws {
        #expect(try roundTrip(Int64.max) == .integer(.max))
        #expect(try roundTrip(Int64.min) == .integer(.min))
        #expect(try roundTrip(-42) == .integer(-42))
        let back: Int = try #require(try db.value(Int.self, "SELECT v FROM t"))
        #expect(back == -42)
    }

    @Test func doubles() throws {
        #expect(try roundTrip(1.5) == .real(1.5))
        #expect(try roundTrip(-0.000_001) == .real(-0.000_001))
        #expect(try roundTrip(1e300) == .real(1e300))
    }

    @Test func strings() throws {
        #expect(try roundTrip("héllo ✓") == .text("héllo ✓"))
        // The empty string is a string, not NULL (a null pointer would bind NULL).
        #expect(try roundTrip("") == .text(""))
        // Embedded NUL survives: the length is passed, not found by strlen.
        #expect(try roundTrip("a\u{0}b") == .text("a\u{0}b"))
    }

    @Test func blobs() throws {
        #expect(try roundTrip([0, 1, 255] as [UInt8]) == .blob([0, 1, 255]))
        #expect(try roundTrip([] as [UInt8]) == .blob([]))
        let back: [UInt8] = try #require(try db.value([UInt8].self, "SELECT v FROM t"))
        #expect(back == [])
    }

    @Test func booleans() throws {
        #expect(try roundTrip(true) == .integer(1))
        #expect(try db.value(Bool.self, "SELECT v FROM t") == true)
        #expect(try roundTrip(false) == .integer(0))
        #expect(try db.value(Bool.self, "SELECT v FROM t") == false)
    }

    @Test func nilAndOptionalsBindNull() throws {
        #expect(try roundTrip(nil) == .null)
        let missing: Int64? = nil
        #expect(try roundTrip(missing) == .null)
        let present: Int64? = 7
        #expect(try roundTrip(present) == .integer(7))
        let null: SQLValue = .null
        #expect(try roundTrip(null) == .null)
    }

    @Test func namedParameters() throws {
        try db.execute(script: "CREATE TABLE n (a, b, c)")
        try db.execute("INSERT INTO n VALUES (:a, @b, $c)", named: ["a": 1, "@b": "two", "c": nil])
        let row = try #require(try db.row("SELECT a, b, c FROM n"))
        #expect(row.values == [.integer(1), .text("two"), .null])

        let statement = try db.makeStatement("SELECT :x + :y")
        try statement.bind(2, named: "x")
        try statement.bind(3.5, named: ":y")
        #expect(try statement.step())
        #expect(try statement.row()[0] == 5.5)
    }

    @Test func parameterCountMismatchAndUnknownNamesAreErrors() throws {
        let few = #expect(throws: SQLiteError.self) { try db.execute("INSERT INTO t(v) VALUES (?)", []) }
        #expect(few?.code == .range)
        let many = #expect(throws: SQLiteError.self) { try db.execute("INSERT INTO t(v) VALUES (?)", [1, 2]) }
        #expect(many?.code == .range)
        let unknown = #expect(throws: SQLiteError.self) {
            try db.execute("INSERT INTO t(v) VALUES (:v)", named: ["w": 1])
        }
        #expect(unknown?.code == .range)
        #expect(unknown?.message.contains("w") == true)
        let statement = try db.makeStatement("SELECT ?")
        #expect(throws: SQLiteError.self) { try statement.bind(1, at: 2) }
        #expect(throws: SQLiteError.self) { try statement.bind(1, at: 0) }
    }
}
