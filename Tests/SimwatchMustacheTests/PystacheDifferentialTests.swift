import FoundationEssentials
import Glibc
import SimwatchMustache
import Testing

/// Random templates and data, rendered by us and by pystache: the outputs must be equal. The seed is printed (and
/// can be set with SIMWATCH_MUSTACHE_SEED) so that a failure can be replayed.
@Suite struct PystacheDifferentialTests {
    static let count = 3_000

    @Test(.enabled(if: Pystache.available, Comment(rawValue: Pystache.missing)))
    func randomTemplatesRenderLikePystache() async throws {
        let seed =
            getenv("SIMWATCH_MUSTACHE_SEED").flatMap { UInt64(String(cString: $0)) }
            ?? UInt64.random(in: 0...UInt64.max)
        print("Mustache differential test: seed \(seed) (replay with SIMWATCH_MUSTACHE_SEED=\(seed))")
        var fuzzer = TemplateFuzzer(seed: seed)
        let cases = (0..<Self.count).map { _ in Pystache.Case(template: fuzzer.template(), data: fuzzer.data()) }
        let theirs = try await offThePool { [cases] in try Pystache.render(cases) }
        try #require(theirs.count == cases.count)
        var failures = 0
        for (index, (item, expected)) in zip(cases, theirs).enumerated() {
            let ours = try MustacheTemplate(item.template).render(item.data.mustache)
            if ours != expected {
                failures += 1
                if failures <= 5 {
                    let message =
                        "seed \(seed), case \(index): template \(String(reflecting: item.template)), data \(json(item.data)):"
                        + " ours \(String(reflecting: ours)), pystache \(String(reflecting: expected))"
                    Issue.record(Comment(rawValue: message))
                }
            }
        }
        #expect(failures == 0, "seed \(seed): \(failures) of \(Self.count) templates differ")
    }

    private func json(_ value: JSONValue) -> String {
        (try? JSONEncoder().encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "?"
    }

    @Test(.enabled(if: Pystache.available, Comment(rawValue: Pystache.missing)))
    func specificationCasesAgreeWithPystache() async throws {
        // The independent implementation itself passes the cases we use, so the two checks back each other.
        let cases = try SpecTests.files.flatMap { try SpecCase.load($0) }.filter { $0.partials == nil }
        let batch = cases.map { Pystache.Case(template: $0.template, data: $0.data) }
        let theirs = try await offThePool { try Pystache.render(batch) }
        for (spec, expected) in zip(cases, theirs) { #expect(expected == spec.expected, "pystache: \(spec.name)") }
    }
}
