import SimwatchSQLite
import Testing

/// Typed reads: lossless conversions only, and a clear error for everything else.
@Suite struct RowTests {
    let row: Row

    init() throws {
        let db = try Database.inMemory()
        row = try #require(
            try db.row(
                "SELECT 1 AS i, 2.5 AS r, 3.0 AS whole, 'x' AS t, x'00ff' AS b, NULL AS n, 9 AS Mixed, 'dup' AS i"
            )
        )
    }

    @Test func readsByNameAndIndex() throws {
        #expect(try row["i"] == Int64(1))
        #expect(try row["i"] == 1)
        #expect(try row[1] == 2.5)
        #expect(try row["t"] == "x")
        #expect(try row["b"] == [0, 255] as [UInt8])
        #expect(try row["i"] == true)
        #expect(row.columnNames == ["i", "r", "whole", "t", "b", "n", "Mixed", "i"])
    }

    @Test func theLeftmostOfRepeatedNamesWins() throws {
        #expect(try row["i"] == Int64(1))
        #expect(try row[7] == "dup")
    }

    @Test func namesAreCaseInsensitive() throws {
        #expect(try row["mixed"] == 9)
        #expect(try row["I"] == 1)
    }

    @Test func losslessConversions() throws {
        // INTEGER reads as Double; a REAL with an integral value reads as an integer.
        #expect(try row["i"] == 1.0)
        #expect(try row["whole"] == Int64(3))
    }

    @Test func nullReadsOnlyIntoOptionals() throws {
        let value: Int64? = try row["n"]
        #expect(value == nil)
        let text: String? = try row["n"]
        #expect(text == nil)
        let error = #expect(throws: RowError.self) { let _: Int64 = try row["n"] }
        #expect(error?.reason == .unexpectedNull)
        #expect(error?.column == "n")
        #expect(error?.description.contains("NULL") == true)
    }

    @Test func wrongTypesAreErrors() throws {
        let fraction = #expect(throws: RowError.self) { let _: Int64 = try row["r"] }
        #expect(fraction?.reason == .typeMismatch(found: .real(2.5)))
        let text = #expect(throws: RowError.self) { let _: Double = try row["t"] }
        #expect(text?.reason == .typeMismatch(found: .text("x")))
        #expect(text?.description.contains("expected Double") == true)
        // An optional does not hide a wrong type, only NULL.
        #expect(throws: RowError.self) { let _: Int64? = try row["t"] }
        #expect(throws: RowError.self) { let _: String = try row["i"] }
        #expect(throws: RowError.self) { let _: [UInt8] = try row["t"] }
    }

    @Test func missingColumnsAreErrors() throws {
        let named = #expect(throws: RowError.self) { let _: Int64 = try row["nope"] }
        #expect(named?.reason == .noSuchColumn)
        let indexed = #expect(throws: RowError.self) { let _: Int64 = try row[8] }
        #expect(indexed?.reason == .indexOutOfRange(count: 8))
        #expect(row.value(named: "nope") == nil)
        #expect(row.value(named: "n") == .null)
    }

    @Test func integersOutOfRangeAreErrors() throws {
        let db = try Database.inMemory()
        let big = try #require(try db.row("SELECT 1e19 AS big"))
        #expect(throws: RowError.self) { let _: Int64 = try big["big"] }
    }
}
