/// A template that cannot be compiled or rendered. Templates are user configuration, so the message says what is
/// wrong and where: `line` and `column` are 1-based, columns counted in Unicode scalars.
public struct MustacheError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    public var line: Int
    public var column: Int

    public init(_ message: String, line: Int, column: Int) {
        self.message = message
        self.line = line
        self.column = column
    }

    public var description: String { "line \(line), column \(column): \(message)" }
}
