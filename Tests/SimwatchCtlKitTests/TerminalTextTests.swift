import SimwatchControl
import SimwatchCtlKit
import Testing

@Suite struct TerminalTextTests {
    @Test(
        arguments: [
            ("\u{1B}[2J\u{1B}]0;pwned\u{07}", "\\e[2J\\e]0;pwned\\x07"),
            ("a\nb\tc\rd", "a\\nb\\tc\\rd"),
            ("nul\u{0}del\u{7F}", "nul\\x00del\\x7f"),
            ("csi\u{9B}31m", "csi\\u{9b}31m"),
            ("abc\u{202E}fdp.exe", "abc\\u{202e}fdp.exe"),
            ("\u{2066}x\u{2069}\u{200F}", "\\u{2066}x\\u{2069}\\u{200f}"),
            ("sep\u{2028}", "sep\\u{2028}"),
        ]
    )
    func controlsBecomeVisible(raw: String, shown: String) {
        #expect(TerminalText.escaped(raw) == shown)
    }

    @Test(arguments: [
        "Forfait épuisé : 984 Mo restants", "Orange eSIM 🇫🇷 👨‍👩‍👧", "日本の回線", "e\u{301}", "C:\\path", "",
    ])
    func ordinaryTextIsUnchanged(text: String) {
        #expect(TerminalText.escaped(text) == text)
    }

    @Test func everyStringOfAReplyIsEscapedKeysIncluded() {
        let reply = JSONValue.object([
            "lines": .array([.object(["name": .string("x\u{1B}[31m"), "bytes": .int(5)])]),
            "k\u{7}": .bool(true),
        ])
        #expect(
            TerminalText.escaped(reply)
                == .object([
                    "lines": .array([.object(["name": .string("x\\e[31m"), "bytes": .int(5)])]),
                    "k\\x07": .bool(true),
                ])
        )
    }

    @Test func errorParametersAreEscaped() {
        let error = ControlError.deliveryFailed(channel: "hook", reason: "HTTP 500: \u{1B}[8m")
        #expect(TerminalText.escaped(error).parameters["reason"] == .string("HTTP 500: \\e[8m"))
    }

    @Test func ourOwnLineBreaksStayAndEachLineIsEscaped() {
        #expect(TerminalText.escapedLines("heading:\n  bad \u{1B}[1m") == "heading:\n  bad \\e[1m")
    }

    @Test func aTableMeasuresTheEscapedText() {
        var table = TextTable([.init("NAME"), .init("STATE")])
        table.append([TerminalText.escaped("a\u{1B}[2Jb"), "ok"])
        table.append(["longer-name-x", "ok"])
        #expect(table.render() == ["NAME           STATE", "a\\e[2Jb        ok", "longer-name-x  ok"])
    }

    @Test func noControlCharacterSurvives() {
        let all = String(String.UnicodeScalarView((0..<0x200).compactMap(Unicode.Scalar.init)))
        #expect(!TerminalText.escaped(all).unicodeScalars.contains(where: TerminalText.isControl))
    }
}
