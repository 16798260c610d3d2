/// Where a key, table header or error is in the source: 1-based line, and 1-based column counted in Unicode scalars
/// (what an editor shows), so the configuration layer can say "config.toml:12".
public struct TOMLPosition: Sendable, Hashable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public var description: String { "line \(line), column \(column)" }
}
