import SimwatchConfig
import SimwatchCore
import Testing

/// Rows from CSV and JSON Lines: the columns, the id from the ICCID, and every mistake with its row and column.
@Suite struct InventoryReaderTests {
    static func read(_ text: String, _ format: InventoryFormat, group: String? = nil) -> InventoryReader {
        var reader = InventoryReader(file: "/srv/fleet.\(format.rawValue)")
        reader.read(Array(text.utf8), format: format, defaultGroup: group)
        return reader
    }

    @Test func csvRows() {
        let reader = Self.read(
            """
            iccid,id,name,recipients,language,group
            8933 0123 4567 8901 2345,,Alice,alice@example.com; Bob <bob@example.com>,fr,eu
            ,carol,Carol,,,
            """,
            .csv,
            group: "default"
        )
        #expect(reader.diagnostics.isEmpty)
        #expect(reader.rows.count == 2)
        let alice = reader.rows[0]
        #expect(alice.id == "89330123456789012345" && alice.iccid == "89330123456789012345")
        #expect(alice.recipients.map(\.address) == ["alice@example.com", "bob@example.com"])
        #expect(alice.language == .fr && alice.group == "eu" && alice.name == "Alice")
        #expect(reader.rows[1].group == "default" && reader.rows[1].iccid == nil)
        #expect(reader.rows[1].record == 3)
    }

    @Test func jsonLinesRows() {
        let reader = Self.read(
            """
            {"iccid": "89330123456789012345", "recipients": ["a@example.com"], "group": "eu"}

            {"id": "b", "language": null, "recipients": "b@example.com;c@example.com"}
            """,
            .jsonl
        )
        #expect(reader.diagnostics.isEmpty)
        #expect(reader.rows.map(\.id) == ["89330123456789012345", "b"])
        #expect(reader.rows.map(\.line) == [1, 3])
        #expect(reader.rows[1].recipients.count == 2)
    }

    @Test func everyCSVMistakeIsReportedWithItsRecordAndColumn() {
        let reader = Self.read(
            """
            iccid,id,name,recipients,language,group
            123,,x,,,eu
            89330123456789012347,Bad Id,,notmail,xx,eu
            89330123456789012348,ok,,,,eu
            89330123456789012348,short
            """,
            .csv
        )
        let found = reader.diagnostics.map { "\($0.context) @\($0.line ?? 0): \($0.message)" }
        #expect(
            found == [
                "record 2, column `iccid` @2: `123` is not an ICCID",
                "record 3, column `id` @3: line id `Bad Id` may use only a-z, 0-9, '.', '_' and '-' (at most 128)",
                "record 3, column `recipients` @3: `notmail` is not a mail address",
                "record 3, column `language` @3: `language` = \"xx\" is not known",
                "record 5 @5: 2 field(s), but the header names 6 column(s)",
            ]
        )
        #expect(reader.diagnostics.allSatisfy { $0.file == "/srv/fleet.csv" })
        #expect(reader.rows.map(\.id) == ["ok"])
    }

    @Test func headerMistakes() {
        let unknown = Self.read("iccid,langage\n", .csv)
        #expect(unknown.diagnostics.map(\.message) == ["unknown column `langage`"])
        #expect(unknown.diagnostics.first?.hint == "did you mean `language`?")
        #expect(Self.read("name\nx\n", .csv).diagnostics.map(\.message) == ["neither an `id` nor an `iccid` column"])
        #expect(Self.read("id,id\n", .csv).diagnostics.map(\.message) == ["column `id` appears twice"])
        #expect(Self.read("", .csv).diagnostics.map(\.message) == ["no header row"])
    }

    @Test func everyJSONLinesMistakeIsReportedWithItsLineAndKey() {
        let reader = Self.read(
            """
            {"id": 5}
            not json
            [1]
            {"id": "a", "colour": "red"}
            {"iccid": 89330123456789012345}
            {"name": "no id"}
            """,
            .jsonl
        )
        let found = reader.diagnostics.map { "\($0.line ?? 0) \($0.context): \($0.message)" }
        #expect(found.count == 6)
        #expect(found[0] == "1 key `id`: `id` must be a string")
        #expect(found[1].hasPrefix("2 column 1: not JSON"))
        #expect(found[2] == "3 : each line must be a JSON object")
        #expect(found[3] == "4 : unknown key `colour`", "the key is named once")
        #expect(found[4] == "5 key `iccid`: `iccid` must be a string")
        #expect(found[5] == "6 : neither an `id` nor an `iccid`")
    }

    @Test func diagnosticsAreCappedPerFile() {
        var text = "id\n"
        for _ in 0..<500 { text += "Bad Id\n" }
        let reader = Self.read(text, .csv)
        #expect(reader.diagnostics.count == 101)
        #expect(reader.diagnostics.last?.message == "400 more problem(s) not shown")
    }
}
