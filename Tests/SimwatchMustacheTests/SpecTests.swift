import SimwatchMustache
import Testing

/// Every case of the specification's core files (not partials, lambdas or inheritance, which we do not offer): the
/// output must be the expected one exactly. Cases that need partials must fail to compile, saying so.
@Suite struct SpecTests {
    static let files = ["comments", "delimiters", "interpolation", "inverted", "sections"]

    @Test(arguments: files) func specificationCases(file: String) throws {
        let cases = try SpecCase.load(file)
        #expect(cases.count >= 11, "\(file).json has too few cases: \(cases.count)")
        for spec in cases {
            if spec.partials != nil {
                #expect(throws: MustacheError.self, "\(file): \(spec.name)") { try MustacheTemplate(spec.template) }
                do {
                    _ = try MustacheTemplate(spec.template)
                } catch {
                    #expect(error.message.contains("partials are not supported"), "\(file): \(spec.name): \(error)")
                }
                continue
            }
            let output = try MustacheTemplate(spec.template).render(spec.data.mustache)
            #expect(output == spec.expected, "\(file): \(spec.name)")
        }
    }

    @Test func allCoreCasesAreThere() throws {
        let total = try Self.files.map { try SpecCase.load($0).count }.reduce(0, +)
        #expect(total == 110)
    }
}
