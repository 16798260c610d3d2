import FoundationEssentials
import SimwatchCore
import Testing

@Suite struct ByteCountTests {
    @Test(
        arguments: [
            ("0", 0), ("1", 1), ("512", 512), ("512 B", 512), ("512b", 512), ("10 o", 10), ("12 octets", 12),
            ("1 byte", 1), ("1 kB", 1000), ("1KB", 1000), ("1k", 1000), ("1 Ko", 1000), ("0.5 kB", 500),
            ("500 MB", 500_000_000), ("500M", 500_000_000), ("500mb", 500_000_000), ("500 Mo", 500_000_000),
            ("1,5 Go", 1_500_000_000), ("2.5GB", 2_500_000_000), ("2.5 gb", 2_500_000_000), ("1 G", 1_000_000_000),
            ("3 gigabytes", 3_000_000_000), ("1 TB", 1_000_000_000_000), ("1 T", 1_000_000_000_000),
            ("1 To", 1_000_000_000_000), ("1 KiB", 1024), ("1.5 KiB", 1536), ("1 MiB", 1_048_576),
            ("1 mib", 1_048_576), ("2 GiB", 2_147_483_648), ("1 Gio", 1_073_741_824), ("1 TiB", 1_099_511_627_776),
            ("  750 MB  ", 750_000_000), ("1,5\u{202F}Go", 1_500_000_000), ("1,5\u{00A0}Go", 1_500_000_000),
            ("1.5 B", 2), (".5 GB", 500_000_000), ("1,25 Go", 1_250_000_000), ("0,250 Go", 250_000_000),
            ("1.2345 GB", 1_234_500_000), ("1.5GB", 1_500_000_000),
        ] as [(String, Int64)]
    )
    func parses(input: String, bytes: Int64) throws {
        #expect(try ByteCount(parsing: input).bytes == bytes)
    }

    @Test(arguments: [
        ("", "empty data amount"), ("   ", "empty data amount"), ("-5 GB", "negative"), ("GB", "not a data amount"),
        ("unlimited", "not a data amount"), ("5 XB", "unknown data unit 'XB'"), ("5 GB extra", "unknown data unit"),
        ("1,500 MB", "ambiguous"), ("12.345 GB", "ambiguous"), ("99999999999 TB", "more than 1 PB"),
        ("99999999999 Go", "more than 1 PB"), ("9223372036854775807", "more than 1 PB"),
        ("1000000000000001", "more than 1 PB"), ("1.1 PB", "unknown data unit"), ("1001 TB", "more than 1 PB"),
        ("99999999999999999999999999999999999999999 B", "more than 1 PB"), ("-0 B", "negative"),
        ("1.2.3 GB", "unknown data unit"), ("5 Mb/s", "unknown data unit"),
    ])
    func rejects(input: String, fragment: String) {
        do {
            let parsed = try ByteCount(parsing: input)
            Issue.record("'\(input)' parsed as \(parsed.bytes) bytes")
        } catch {
            #expect(error.input == input)
            #expect(error.message.contains(fragment), "\(error.message)")
            #expect(error.hint != nil || fragment == "more than 1 PB")
        }
    }

    @Test(
        arguments: [
            (0, "0 B"), (999, "999 B"), (1000, "1 kB"), (1500, "1.5 kB"), (9_949, "9.9 kB"), (9_950, "10 kB"),
            (750_000_000, "750 MB"), (9_900_000, "9.9 MB"), (2_100_000_000, "2.1 GB"), (2_000_000_000, "2 GB"),
            (12_000_000_000, "12 GB"), (12_600_000_000, "13 GB"), (999_499_999, "999 MB"), (999_500_000, "1 GB"),
            (1_250_000_000_000, "1.3 TB"), (1_073_741_824, "1.1 GB"), (-1_500_000_000, "-1.5 GB"), (-5, "-5 B"),
            (Int64.max, "9.2 EB"), (Int64.min, "-9.2 EB"), (999_999_999_999_999, "1 PB"),
            (999_400_000_000_000, "999 TB"),
        ] as [(Int64, String)]
    )
    func describes(bytes: Int64, text: String) {
        #expect(ByteCount(bytes: bytes).description == text)
    }

    @Test(
        arguments: [0, 999, 1500, 750_000_000, 2_100_000_000, 2_000_000_000, 12_000_000_000, 1_300_000_000_000]
            as [Int64]
    )
    func descriptionParsesBackExactly(bytes: Int64) throws {
        let value = ByteCount(bytes: bytes)
        #expect(try ByteCount(parsing: value.description) == value)
    }

    @Test(arguments: [1_234_567, 9_876_543_210, 15, 1_048_576] as [Int64])
    func descriptionIsStableUnderReparsing(bytes: Int64) throws {
        let text = ByteCount(bytes: bytes).description
        #expect(try ByteCount(parsing: text).description == text)
    }

    @Test func factoriesRoundToTheNearestByte() {
        #expect(ByteCount.megabytes(1.1).bytes == 1_100_000)
        #expect(ByteCount.megabytes(0.0005).bytes == 500)
        #expect(ByteCount.megabytes(750).bytes == 750_000_000)
        #expect(ByteCount.kilobytes(1.5).bytes == 1500)
        #expect(ByteCount.gigabytes(2.5).bytes == 2_500_000_000)
        #expect(ByteCount.megabytes(.nan) == .zero)
        #expect(ByteCount.megabytes(1e30).bytes == .max)
        #expect(ByteCount.megabytes(-1e30).bytes == .min)
        #expect(ByteCount(bytes: 2_500_000).megabytes == 2.5)
    }

    @Test func arithmeticAndOrder() {
        let total = ByteCount(bytes: 5_000_000_000)
        let left = ByteCount(bytes: 1_200_000_000)
        #expect((total - left).bytes == 3_800_000_000)
        #expect((left + left).bytes == 2_400_000_000)
        #expect(left < total)
        #expect([total, .zero, left].sorted() == [.zero, left, total])
    }

    @Test func codesAsAPlainInteger() throws {
        struct Plan: Codable, Equatable { var allowance: ByteCount }
        let plan = Plan(allowance: ByteCount(bytes: 1500))
        let json = try JSONEncoder().encode(plan)
        #expect(String(decoding: json, as: UTF8.self) == #"{"allowance":1500}"#)
        #expect(try JSONDecoder().decode(Plan.self, from: json) == plan)
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(Plan.self, from: Data(#"{"allowance":"1.5 kB"}"#.utf8))
        }
    }
}
