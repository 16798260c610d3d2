import SimwatchTOML
import Testing

/// Our parser against Python's tomllib on the same documents: the hand-written corpus, random documents from a
/// fixed seed, and byte-level mutations of both. Every document must be accepted by both with equal values (compared
/// as tagged JSON) or refused by both. Without python3 >= 3.11 the test fails rather than skips: a silent skip
/// would hide that the parser went unchecked.
@Suite struct DifferentialTests {
    static func documents() -> [[UInt8]] {
        var random = RandomTOML(seed: 0x5EED_0F_70_31)
        var documents = Corpus.documents.map { Array($0.utf8) }
        for _ in 0..<2000 { documents.append(random.document()) }
        let count = documents.count
        for _ in 0..<4000 { documents.append(random.mutate(documents[Int(random.rng.next() % UInt64(count))])) }
        return documents
    }

    static func ours(_ document: [UInt8]) -> String {
        do {
            return "OK " + TaggedJSON.render(try TOMLTable(parsing: document))
        } catch {
            return "ERR"
        }
    }

    @Test func agreesWithPythonTomllib() throws {
        guard PythonTOML.available else {
            Issue.record(Comment(rawValue: PythonTOML.missing))
            return
        }
        let documents = Self.documents()
        let theirs = try PythonTOML.parse(documents)
        try #require(theirs.count == documents.count, "tomllib answered \(theirs.count) of \(documents.count)")
        var disagreements: [String] = []
        var accepted = 0
        for (document, verdict) in zip(documents, theirs) {
            let mine = Self.ours(document)
            if mine.hasPrefix("OK") { accepted += 1 }
            if mine != verdict {
                let text = String(decoding: document, as: UTF8.self)
                disagreements.append("document \(TaggedJSON.string(text))\n  ours:    \(mine)\n  tomllib: \(verdict)")
            }
        }
        #expect(disagreements.isEmpty, Comment(rawValue: disagreements.prefix(25).joined(separator: "\n")))
        #expect(disagreements.isEmpty, "\(disagreements.count) of \(documents.count) documents differ")
        // The corpus must exercise both sides: mostly refused documents would prove little.
        #expect(accepted > documents.count / 6, "only \(accepted) of \(documents.count) documents are valid")
    }
}
