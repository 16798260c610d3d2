import SimwatchCtlKit
import Testing

@Suite struct TextTableTests {
    @Test(
        arguments: [
            ("abc", 3), ("", 0), ("Orange eSIM 🇫🇷", 14), ("日本", 4), ("\u{1B}[1;31mred\u{1B}[0m", 3), ("e\u{301}", 1),
            ("⣀⡀", 2), ("█", 1), ("✔︎", 1), ("⚠️", 2),
        ]
    )
    func displayWidth(text: String, width: Int) {
        #expect(DisplayWidth.of(text) == width)
    }

    @Test(arguments: [
        ("abcdef", 4, "abc…"), ("abc", 3, "abc"), ("\u{1B}[1mbold text\u{1B}[0m", 5, "bold…"), ("x", 0, ""),
    ])
    func truncates(text: String, width: Int, expected: String) {
        #expect(DisplayWidth.truncated(text, to: width) == expected)
    }

    @Test func alignsColumnsByDisplayWidth() {
        var table = TextTable([.init("LINE"), .init("NAME"), .init("LEFT", alignRight: true), .init("STATE")])
        table.append(["fr", "Orange 🇫🇷", "984 MB", "ok"])
        table.append(["de-travel", "Telekom", "12 GB", ""])
        #expect(
            table.render() == [
                "LINE       NAME         LEFT  STATE",
                "fr         Orange 🇫🇷  984 MB  ok",
                "de-travel  Telekom     12 GB",
            ]
        )
    }

    @Test func colouredCellsKeepTheAlignment() {
        var table = TextTable([.init("A"), .init("B")])
        table.append([TerminalStyle(colour: true).bad("xx"), "1"])
        table.append(["yyyy", "2"])
        let lines = table.render(style: .plain, indent: 2)
        #expect(lines[1] == "  \u{1B}[31mxx\u{1B}[0m    1")
        #expect(lines[2] == "  yyyy  2")
    }

    @Test func shrinksMarkedColumnsToFit() {
        var table = TextTable([.init("ID"), .init("SUMMARY", shrinks: true), .init("END")])
        table.append(["a", "a rather long summary of what happened", "x"])
        let lines = table.render(maxWidth: 30)
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 30 })
        #expect(lines[1] == "a   a rather long summar…  x")
    }

    @Test func missingCellsAreEmptyAndExtraOnesDropped() {
        var table = TextTable([.init("A"), .init("B")])
        table.append(["1"])
        table.append(["2", "3", "4"])
        #expect(table.render() == ["A  B", "1", "2  3"])
    }

    @Test(
        arguments: [
            (true, [:], false, true), (false, [:], false, false), (true, ["NO_COLOR": "1"], false, false),
            (true, ["NO_COLOR": ""], false, true), (true, [:], true, false), (true, ["TERM": "dumb"], false, false),
        ] as [(Bool, [String: String], Bool, Bool)]
    )
    func colourOnlyOnATerminalWithoutOptOut(tty: Bool, environment: [String: String], flag: Bool, colour: Bool) {
        #expect(TerminalStyle.decide(isTTY: tty, environment: environment, noColorFlag: flag).colour == colour)
        let painted = TerminalStyle.decide(isTTY: tty, environment: environment, noColorFlag: flag).severity("critical")
        #expect(painted == (colour ? "\u{1B}[1;31mcritical\u{1B}[0m" : "critical"))
    }
}
