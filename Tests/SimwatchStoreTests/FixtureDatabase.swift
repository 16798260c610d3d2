import FoundationEssentials

/// A private copy of a database in `Fixtures/`, so a test can migrate it without touching the original. The fixture is
/// found beside this source file (`#filePath`) rather than through `Bundle.module`, whose generated accessor would
/// import Foundation into the test target.
struct FixtureDatabase {
    let directory: String
    let path: String

    init(_ name: String, filePath: String = #filePath) throws {
        let here = filePath.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        let source = here + "/Fixtures/" + name
        directory = "/tmp/simwatch-fixture-\(UInt64.random(in: 0...UInt64.max))"
        path = directory + "/state.db"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: source, toPath: path)
    }

    func remove() { try? FileManager.default.removeItem(atPath: directory) }
}
