import SimwatchTOML
import Testing

/// Hostile documents: deep nesting and size are refused with an error, never a stack overflow, a trap or a wait.
@Suite struct LimitsTests {
    @Test func deepArraysAreRefused() {
        let deep = "a = " + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(syntaxError(deep)?.message.contains("nested more than 128 levels") == true)
        let fine = "a = " + String(repeating: "[", count: 120) + String(repeating: "]", count: 120)
        #expect(syntaxError(fine) == nil)
    }

    @Test func deepInlineTablesAreRefused() {
        let deep = "a = " + String(repeating: "{b = ", count: 50_000) + "1" + String(repeating: "}", count: 50_000)
        #expect(syntaxError(deep)?.message.contains("nested more than 128 levels") == true)
    }

    @Test func longHeadersAndDottedKeysAreRefused() {
        let header = "[" + Array(repeating: "a", count: 100_000).joined(separator: ".") + "]"
        #expect(syntaxError(header)?.message.contains("more than 128 parts") == true)
        let dotted = Array(repeating: "a", count: 200).joined(separator: ".") + " = 1"
        #expect(syntaxError(dotted)?.message.contains("more than 128 parts") == true)
        // Nesting accumulates over headers and values.
        let header100 = "[" + Array(repeating: "a", count: 100).joined(separator: ".") + "]\n"
        let mixed = header100 + Array(repeating: "b", count: 20).joined(separator: ".") + " = [[[[[[[[[[1]]]]]]]]]]"
        #expect(syntaxError(mixed)?.message.contains("nested more than 128 levels") == true)
    }

    @Test func theSizeLimitIsChecked() {
        let limits = TOMLLimits(maxDepth: 128, maxBytes: 100)
        #expect(syntaxError(String(repeating: "# padding\n", count: 11), limits: limits)?.line == 1)
        #expect(syntaxError(String(repeating: "# padding\n", count: 10), limits: limits) == nil)
    }

    @Test func manyKeysAndTablesStayLinear() throws {
        var text = ""
        for i in 0..<20_000 { text += "[t.\"k\(i)\"]\nv = \(i)\n" }
        text += "inline = {" + (0..<20_000).map { "k\($0) = \($0)" }.joined(separator: ", ") + "}\n"
        let clock = ContinuousClock()
        let started = clock.now
        let table = try TOMLTable(parsing: text)
        #expect(table["t"]?.table?.count == 20_000)
        #expect(clock.now - started < .seconds(20))
    }
}
