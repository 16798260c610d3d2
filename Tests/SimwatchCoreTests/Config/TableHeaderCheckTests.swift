import Testing

@testable import SimwatchCore

/// Table headers that toml++ (inside TOMLKit) would abort the process on, found by Fuzz/config.
@Suite struct TableHeaderCheckTests {
    @Test(arguments: [
        ("[é]\n", 1),
        ("[[[1]]]", 1),
        ("[[=", 1),
        ("a = 1\n\n[\n", 3),
        ("[ok]\n  [ +x]\n", 2),
        ("[[line]]\nid = \"a\"\n[[ \u{FFFD}le]]\n", 3),
        ("a = [1, 2]\n[\r\n", 2),
    ])
    func headersTomlWouldAbortOnAreFound(text: String, line: Int) {
        #expect(TableHeaderCheck.firstBadHeaderLine(in: text) == line)
    }

    @Test func validFilesAreNeverRefused() {
        let text = #"""
            # [é] in a comment
            title = "[é] in a string"  # and [+] here
            [a]
            [ "quoted é" ]
            ['literal']
            [a.b-c_9]
              [[arrays]]
            values = [
              [+1, -2],
              [{ x = 1 }],
              [ [1] ],
            ]
            text = """
            [é] inside a multi-line string \"""
            [+]"""
            raw = '''
            [é]
            '''
            quotes = """a""""
            [after]
            """#
        #expect(TableHeaderCheck.firstBadHeaderLine(in: text) == nil)
    }

    @Test func theConfigurationReportsTheLineInsteadOfAborting() {
        #expect {
            try Config.parse(text: "[daemon]\npoll_interval = \"1h\"\n[é]\n", path: "/c.toml", environment: [:])
        } throws: { error in
            let diagnostics = (error as? ConfigError)?.diagnostics ?? []
            return diagnostics.count == 1 && diagnostics[0].line == 3 && diagnostics[0].file == "/c.toml"
        }
    }
}
