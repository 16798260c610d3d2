/// Why a document is not TOML 1.0.0, and where: the first problem found (parsing stops there, as every later
/// position would be a guess).
public struct TOMLSyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    /// What is wrong, in words a user can act on, without the position: "duplicate key `id`".
    public var message: String

    public init(line: Int, column: Int, message: String) {
        self.line = line
        self.column = column
        self.message = message
    }

    public init(_ message: String, at position: TOMLPosition) {
        self.init(line: position.line, column: position.column, message: message)
    }

    public var description: String { "line \(line), column \(column): \(message)" }
}
