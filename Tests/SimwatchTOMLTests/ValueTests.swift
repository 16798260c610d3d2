import SimwatchTOML
import Testing

/// Values, section by section of the TOML 1.0.0 specification.
@Suite struct ValueTests {
    @Test func strings() {
        #expect(value(#"s = "tab\there \u00E9 \U0001F600 \"q\" \\""#, "s") == .string("tab\there é 😀 \"q\" \\"))
        #expect(value("s = 'C:\\Users\\nodejs'", "s") == .string("C:\\Users\\nodejs"))
        #expect(value("s = \"\"\"\nRoses\r\nViolets\"\"\"", "s") == .string("Roses\nViolets"))
        #expect(value("s = \"\"\"\nThe quick \\\n\n   brown \\\n  fox.\"\"\"", "s") == .string("The quick brown fox."))
        #expect(value("s = \"\"\"two \"\" and one \"\"\"\"", "s") == .string("two \"\" and one \""))
        #expect(value("s = '''\nfirst newline trimmed\n'''", "s") == .string("first newline trimmed\n"))
        #expect(value("s = ''''quoted'''''", "s") == .string("'quoted''"))
        #expect(value("s = \"\"", "s") == .string(""))
    }

    @Test func integers() {
        #expect(value("i = +99", "i") == .integer(99))
        #expect(value("i = -17", "i") == .integer(-17))
        #expect(value("i = 5_349_221", "i") == .integer(5_349_221))
        #expect(value("i = 0xDEAD_beef", "i") == .integer(0xDEAD_BEEF))
        #expect(value("i = 0o755", "i") == .integer(0o755))
        #expect(value("i = 0b1101_0110", "i") == .integer(0b1101_0110))
        #expect(value("i = 9223372036854775807", "i") == .integer(.max))
        #expect(value("i = -9223372036854775808", "i") == .integer(.min))
        #expect(value("i = 0x7FFFFFFFFFFFFFFF", "i") == .integer(.max))
    }

    @Test func floats() {
        #expect(value("f = 6.626e-34", "f") == .float(6.626e-34))
        #expect(value("f = 224_617.445_991_228", "f") == .float(224_617.445_991_228))
        #expect(value("f = -0.0", "f")?.float?.sign == .minus)
        #expect(value("f = 5e+22", "f") == .float(5e22))
        #expect(value("f = -inf", "f") == .float(-.infinity))
        #expect(value("f = +nan", "f")?.float?.isNaN == true)
        #expect(value("f = 1e400", "f") == .float(.infinity))
    }

    @Test func booleansAndDates() {
        #expect(value("b = true", "b") == .boolean(true))
        #expect(value("b = false", "b") == .boolean(false))
        let offset = TOMLDateTime(
            date: TOMLDate(year: 1979, month: 5, day: 27),
            time: TOMLTime(hour: 0, minute: 32, second: 0, nanosecond: 999_999_000),
            offsetMinutes: -420
        )
        #expect(value("d = 1979-05-27T00:32:00.999999-07:00", "d") == .offsetDateTime(offset))
        #expect(value("d = 1979-05-27 07:32:00Z", "d")?.dateTime?.offsetMinutes == 0)
        #expect(
            value("d = 1979-05-27t07:32:00", "d")
                == .localDateTime(
                    TOMLDateTime(
                        date: TOMLDate(year: 1979, month: 5, day: 27),
                        time: TOMLTime(hour: 7, minute: 32, second: 0)
                    )
                )
        )
        #expect(value("d = 2000-02-29", "d") == .localDate(TOMLDate(year: 2000, month: 2, day: 29)))
        #expect(value("d = 0000-01-01", "d") == .localDate(TOMLDate(year: 0, month: 1, day: 1)))
        #expect(
            value("t = 07:32:00.123456789999", "t")
                == .localTime(
                    TOMLTime(hour: 7, minute: 32, second: 0, nanosecond: 123_456_789)
                )
        )
        #expect(
            value("d = 1979-05-27T00:32:00.5+05:30", "d")?.dateTime?.description
                == "1979-05-27T00:32:00.500000000+05:30"
        )
    }

    @Test func arraysAndInlineTables() {
        #expect(value("a = [ 1, \"two\", [3], { four = 4 }, ]", "a")?.array?.count == 4)
        #expect(value("a = [\n  1, # one\n  2,\n]", "a") == .array([.integer(1), .integer(2)]))
        #expect(value("p = { x = 1, y.z = 2 }", "p.y.z") == .integer(2))
        #expect(value("p = {}", "p")?.table?.isEmpty == true)
    }

    @Test func tablesKeepKeyOrderAndPositions() throws {
        let table = try TOMLTable(parsing: "z = 1\n[b]\nx = 1\n  [a]\ny.w = 2\n[[c]]\n[[c]]\nv = \"é\" # é\n")
        #expect(table.keys == ["z", "b", "a", "c"])
        #expect(table.position(of: "z") == TOMLPosition(line: 1, column: 1))
        #expect(table.position(of: "b") == TOMLPosition(line: 2, column: 2))
        #expect(table.position(of: "a") == TOMLPosition(line: 4, column: 4))
        let a = try #require(table["a"]?.table)
        #expect(a.position == TOMLPosition(line: 4, column: 4))
        #expect(a.position(of: "y") == TOMLPosition(line: 5, column: 1))
        #expect(a["y"]?.table?.position(of: "w") == TOMLPosition(line: 5, column: 3))
        let c = try #require(table["c"]?.array)
        #expect(c.compactMap { $0.table?.position?.line } == [6, 7])
        #expect(c[1].table?.position(of: "v") == TOMLPosition(line: 8, column: 1))
        #expect(table.position == nil)
    }

    @Test func implicitTablesAndDottedKeysCombineAsTheSpecificationAllows() throws {
        let text = """
            [fruit]
            apple.color = "red"
            apple.taste.sweet = true
            [fruit.apple.texture]
            smooth = true
            [x.y.z.w]
            [x]
            [a.b.c]
            [a]
            b.d = 1
            [[fruits]]
            [fruits.physical]
            [[fruits]]
            [fruits.physical]
            """
        #expect(value(text, "fruit.apple.texture.smooth") == .boolean(true))
        #expect(value(text, "a.b.d") == .integer(1))
        #expect(value(text, "fruits")?.array?.count == 2)
    }
}
