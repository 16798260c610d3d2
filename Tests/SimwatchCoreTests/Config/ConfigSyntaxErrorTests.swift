import SimwatchChannels
import SimwatchProviders
import Testing

@testable import SimwatchConfig
@testable import SimwatchCore

/// TOML mistakes reach the user as one "TOML syntax error" with the file and line. The headers are the ones toml++
/// (the C++ parser before SimwatchTOML) aborted the whole process on, found by Fuzz/config: they must stay plain
/// errors.
@Suite struct ConfigSyntaxErrorTests {
    static func diagnostics(_ text: String) -> [ConfigDiagnostic] {
        do {
            _ = try Config.parse(
                text: text,
                path: "/etc/c.toml",
                environment: ["TZ": "UTC"],
                sources: ProviderCatalog.all,
                channels: ChannelCatalog.all
            )
            return []
        } catch {
            return error.diagnostics
        }
    }

    @Test(arguments: [
        ("[é]\n", 1),
        ("[[[1]]]", 1),
        ("[[=", 1),
        ("a = 1\n\n[\n", 3),
        ("[ok]\n  [ +x]\n", 2),
        ("[[line]]\nid = \"a\"\n[[ \u{FFFD}le]]\n", 3),
        ("a = [1, 2]\n[\r\n", 2),
        ("[daemon]\npoll_interval = \"1h\"\n[é]\n", 3),
    ])
    func hostileHeadersAreSyntaxErrorsWithTheirLine(text: String, line: Int) {
        let found = Self.diagnostics(text)
        #expect(found.count == 1)
        #expect(found.first?.line == line)
        #expect(found.first?.file == "/etc/c.toml")
        #expect(found.first?.message.hasPrefix("TOML syntax error: ") == true)
    }

    @Test func theMessageSaysWhatAndWhere() {
        let found = Self.diagnostics("[daemon]\npoll_interval = \"5m\" \"x\"\n")
        #expect(
            found.map(\.description) == [
                "TOML syntax error: expected the end of the line, found `\"` (column 22) at c.toml:2; "
                    + "check quotes, brackets and `key = value` on that line"
            ]
        )
    }

    /// The example in docs/configuration.md, "The file".
    @Test func theDocumentedExampleIsWhatUsersSee() {
        let found = Self.diagnostics("[daemon]\ntime_zone = \"UTC\"\npoll_interval = \"5m\n")
        #expect(
            found.map(\.description) == [
                "TOML syntax error: the string is not closed with `\"` before the end of its line (column 17) at "
                    + "c.toml:3; check quotes, brackets and `key = value` on that line"
            ]
        )
    }

    @Test func duplicateKeysAndTablesAreRefused() {
        #expect(Self.diagnostics("[daemon]\n[daemon]\n").first?.message.contains("defined twice") == true)
        let duplicate = Self.diagnostics("[daemon]\npoll_interval = \"5m\"\npoll_interval = \"6m\"\n")
        #expect(duplicate.first?.line == 3)
        #expect(
            duplicate.first?.message.contains("duplicate key `daemon.poll_interval` (first defined at line 2)") == true
        )
    }

    @Test func aKeyInsideAnInlineTableIsFoundOnItsLine() {
        let text = "[[line]]\nid = \"a\"\nplan = {\n"
        #expect(Self.diagnostics(text).first?.line == 3)
        let found = Self.diagnostics(
            "[[line]]\nid = \"a\"\nprovider = { type = \"manual\" }\n\nplan = { quota = \"20 GX\" }\n"
        )
        #expect(found.contains { $0.line == 5 && $0.message.contains("`quota`") })
    }
}
