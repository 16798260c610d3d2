import SimwatchMustache
import Testing

@Suite struct MustacheTemplateTests {
    func render(_ source: String, _ data: MustacheValue, escaping: MustacheEscaping = .html) throws -> String {
        try MustacheTemplate(source, escaping: escaping).render(data)
    }

    func failure(_ source: String, limits: MustacheLimits = MustacheLimits()) -> MustacheError? {
        do {
            _ = try MustacheTemplate(source, limits: limits)
            return nil
        } catch {
            return error
        }
    }

    @Test func plainTextEscapesNothing() throws {
        let data: MustacheValue = ["x": "a & <b> \"c\" 'd'"]
        #expect(
            try render("{{x}}|{{{x}}}|{{&x}}", data, escaping: .none)
                == "a & <b> \"c\" 'd'|a & <b> \"c\" 'd'|a & <b> \"c\" 'd'"
        )
        #expect(try render("{{x}}", data) == "a &amp; &lt;b&gt; &quot;c&quot; 'd'")
        #expect(try render("{{x}}", ["x": "naïve 🇫🇷 ok"]) == "naïve 🇫🇷 ok")
    }

    @Test func valuesPrintAndTestAsBefore() throws {
        // As swift-mustache did: every string and number is truthy, even "" and 0; booleans print as true/false.
        let data: MustacheValue = [
            "empty": "", "zero": 0, "yes": true, "no": false, "none": .null, "list": ["a", "b"],
        ]
        #expect(try render("{{#empty}}E{{/empty}}{{#zero}}Z{{.}}{{/zero}}{{^none}}N{{/none}}", data) == "EZ0N")
        #expect(try render("{{yes}} {{no}} [{{none}}] {{list}}", data) == "true false [] a, b")
        #expect(try render("{{#list}}<{{.}}>{{/list}}", data, escaping: .none) == "<a><b>")
        #expect(try render("{{^list}}x{{/list}}{{#missing}}y{{/missing}}", data) == "")
    }

    @Test func nullStopsTheLookupClimbing() throws {
        let data: MustacheValue = ["name": "outer", "inner": ["name": .null]]
        #expect(try render("{{#inner}}[{{name}}]{{/inner}}", data) == "[]")
    }

    @Test func compileErrorsSayWhere() throws {
        let partial = try #require(failure("Hello\n  {{> footer }}"))
        #expect(partial.line == 2 && partial.column == 3)
        #expect(partial.message == "`{{>footer}}`: partials are not supported")
        #expect(partial.description == "line 2, column 3: `{{>footer}}`: partials are not supported")

        let unclosed = try #require(failure("a\nb {{#line}}x"))
        #expect((unclosed.line, unclosed.column) == (2, 3) && unclosed.message.contains("`line` is never ended"))

        let mismatched = try #require(failure("{{#a}}{{#b}}\n{{/a}}{{/b}}"))
        #expect((mismatched.line, mismatched.column) == (2, 1))
        #expect(mismatched.message.contains("does not end `b`, the section open since line 1, column 7"))

        let stray = try #require(failure("é{{/x}}"))
        #expect((stray.line, stray.column) == (1, 2) && stray.message.contains("ends no section"))

        #expect(failure("x {{name")?.message.contains("never closed") == true)
        #expect(failure("{{ }}")?.message.contains("empty tag") == true)
        #expect(failure("{{a b}}")?.message.contains("not a name") == true)
        #expect(failure("{{a..b}}")?.message.contains("not a name") == true)
        #expect(failure("{{=<% =}}")?.message.contains("two delimiters") == true)
        #expect(failure("{{<parent}}{{/parent}}")?.message.contains("inheritance") == true)
        #expect(failure("{{$block}}{{/block}}")?.message.contains("inheritance") == true)
        #expect(failure("{{uppercase(name)}}")?.message.contains("functions") == true)
        #expect(
            failure("{{=<% %>=}}\n<%>x%>") == MustacheError("`<%>x%>`: partials are not supported", line: 2, column: 1)
        )
    }

    @Test func nestingIsBounded() throws {
        let deep = String(repeating: "{{#a}}", count: 5) + String(repeating: "{{/a}}", count: 5)
        #expect(failure(deep, limits: MustacheLimits(maxDepth: 5)) == nil)
        let tooDeep = try #require(failure("{{#a}}" + deep + "{{/a}}", limits: MustacheLimits(maxDepth: 5)))
        #expect((tooDeep.line, tooDeep.column) == (1, 31) && tooDeep.message == "sections nested more than 5 deep")
        #expect(failure(String(repeating: "{{#a}}", count: 33)) != nil)
    }

    @Test func outputIsBounded() throws {
        let list = MustacheValue.list(Array(repeating: "0123456789", count: 10))
        let template = try MustacheTemplate(
            "{{#l}}{{#l}}{{#l}}{{.}}{{/l}}{{/l}}{{/l}}",
            limits: MustacheLimits(maxOutputBytes: 5_000)
        )
        #expect(try template.render(["l": .list(Array(repeating: "x", count: 10))]).utf8.count == 1_000)
        let error = #expect(throws: MustacheError.self) { try template.render(["l": list]) }
        #expect(error?.message == "output is larger than 5000 bytes")
    }

    @Test func workIsBounded() throws {
        // 3^20 empty iterations print nothing, so only the step bound stops them.
        let nested = String(repeating: "{{#l}}", count: 20) + "{{! nothing }}" + String(repeating: "{{/l}}", count: 20)
        let template = try MustacheTemplate("x\n" + nested, limits: MustacheLimits(maxSteps: 10_000))
        let error = #expect(throws: MustacheError.self) { try template.render(["l": [1, 2, 3]]) }
        #expect(error?.message == "rendering takes more than 10000 steps (sections over lists nested too deep?)")
        #expect(error?.line == 2)
        #expect(try template.render(["l": [1]]) == "x\n")
    }

    @Test func delimitersPersistAcrossSectionsAndLines() throws {
        let source = "{{=<% %>=}}\n<%#l%>\n- <%.%>\n<%/l%>\n<%={{ }}=%>{{n}}"
        #expect(try render(source, ["l": ["a", "b"], "n": 3]) == "- a\n- b\n3")
    }

    @Test func standaloneNeedsOneTagAlone() throws {
        // Two tags on a line: neither stands alone, so the line and its break stay.
        #expect(try render("a\n{{#t}}{{/t}}\nb", ["t": true]) == "a\n\nb")
        #expect(try render("a\n  {{#t}}  \nb\n{{/t}}\t\r\nc", ["t": true]) == "a\nb\nc")
        #expect(try render("a\n {{x}} \nb", ["x": "X"]) == "a\n X \nb")
    }
}
