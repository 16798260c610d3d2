import SimwatchConfig
import Testing

/// RFC 4180 CSV: quoting, line ends, the BOM, and every refusal at its record and field.
@Suite struct CSVReaderTests {
    static func read(_ text: String, limits: InventoryLimits = InventoryLimits()) -> ([CSVRecord], [CSVProblem]) {
        var reader = CSVReader(Array(text.utf8), limits: limits)
        let records = reader.records()
        return (records, reader.problems)
    }

    @Test func quotingLineEndsAndTheBOM() {
        let (records, problems) = Self.read(
            "\u{FEFF}id,name\r\n" + "a,\"Paris, 2\"\r\n" + "\n" + "b,\"say \"\"hi\"\"\"\n" + "c,\n" + "d,\"\""
        )
        #expect(problems.isEmpty)
        #expect(
            records.map(\.fields) == [
                ["id", "name"], ["a", "Paris, 2"], ["b", "say \"hi\""], ["c", ""], ["d", ""],
            ]
        )
        // Blank lines are skipped but counted: record 3 ("b") is on line 4.
        #expect(records.map(\.number) == [1, 2, 3, 4, 5])
        #expect(records.map(\.line) == [1, 2, 4, 5, 6])
    }

    @Test(
        arguments: [
            ("a,b\nx,\"open\n", 2, 2, "never closed"),
            ("a,b\nx,\"q\"z\n", 2, 2, "after the closing quote"),
            ("a,b\nx,y\"z\n", 2, 2, "inside an unquoted field"),
            ("a,b\nx\u{0},y\n", 2, 1, "NUL"),
            ("a,b\nx,\"two\nlines\"\n", 2, 2, "control character"),
        ] as [(String, Int, Int, String)]
    )
    func refusalsNameTheRecordAndField(text: String, record: Int, field: Int, message: String) {
        let (records, problems) = Self.read(text)
        #expect(problems.count == 1)
        #expect(problems.first?.record == record)
        #expect(problems.first?.field == field)
        #expect(problems.first?.message.contains(message) == true, "\(problems)")
        #expect(records.count == 1)
    }

    @Test func invalidUTF8AndOverlongFieldsAreRefusedAndTheRestKept() {
        var bytes = Array("a,b\n1,\u{FF}\n".utf8)
        bytes.replaceSubrange(6..<8, with: [0xFF])
        bytes += Array("2,\(String(repeating: "x", count: 5000))\n3,ok\n".utf8)
        var reader = CSVReader(bytes)
        let records = reader.records()
        #expect(reader.problems.map(\.record) == [2, 3])
        #expect(reader.problems[0].message.contains("UTF-8"))
        #expect(reader.problems[1].message.contains("longer than 4096"))
        #expect(records.map(\.fields) == [["a", "b"], ["3", "ok"]])
    }

    @Test func tooManyRowsStopsThere() {
        var limits = InventoryLimits()
        limits.maximumRows = 3
        let (records, problems) = Self.read("id\na\nb\nc\nd\ne\n", limits: limits)
        #expect(records.count == 4)
        #expect(problems.map(\.message) == ["more than 3 rows"])
    }
}
