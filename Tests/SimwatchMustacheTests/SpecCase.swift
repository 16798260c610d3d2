import FoundationEssentials

/// One case of the Mustache specification, as in its JSON files (Fixtures/, copied from the specification).
struct SpecCase: Decodable, CustomStringConvertible {
    struct File: Decodable {
        var tests: [SpecCase]
    }

    var name: String
    var data: JSONValue
    var template: String
    var expected: String
    var partials: [String: String]?

    var description: String { name }

    /// The cases of `Fixtures/NAME.json`, beside this file.
    static func load(_ name: String) throws -> [SpecCase] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures").appendingPathComponent("\(name).json")
        return try JSONDecoder().decode(File.self, from: Data(contentsOf: url)).tests
    }
}
