import FoundationEssentials
import SimwatchCore
import Testing

@Suite struct ParsingTests {
    @Test func jsonPointers() throws {
        let doc = try JSONNode(parsing: Array(#"{"data": {"a/b": [1, {"x~y": "z"}], "n": null}}"#.utf8))
        #expect(doc.at(pointer: "/data/a~1b/0") == .number(1))
        #expect(doc.at(pointer: "/data/a~1b/1/x~0y") == .string("z"))
        #expect(doc.at(pointer: "/data/n") == .null)
        #expect(doc.at(pointer: "/data/missing") == nil)
        #expect(doc.at(pointer: "") == doc)
        #expect(throws: JSONNodeError.self) { try JSONNode(parsing: Array("{not json".utf8)) }
    }
}
