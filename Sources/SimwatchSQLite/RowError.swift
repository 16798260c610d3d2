/// A column read that cannot be satisfied: the row has no such column, or its value does not fit the Swift type
/// asked for (NULL into a non-optional, TEXT into a number, a fraction into an integer).
public struct RowError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Reason: Sendable, Hashable {
        case noSuchColumn
        case indexOutOfRange(count: Int)
        case unexpectedNull
        case typeMismatch(found: SQLValue)
    }

    public var reason: Reason
    /// The column's name, or its index as text when asked for by index.
    public var column: String
    /// The Swift type asked for.
    public var expected: String
    public var sql: String

    public var description: String {
        let what: String
        switch reason {
        case .noSuchColumn: what = "no column named \(column)"
        case .indexOutOfRange(let count): what = "no column \(column) in a row of \(count)"
        case .unexpectedNull: what = "column \(column) is NULL, expected \(expected)"
        case .typeMismatch(let found):
            what = "column \(column) holds \(found.storageClass) \(Self.excerpt(found)), expected \(expected)"
        }
        return "\(what) in «\(sql)»"
    }

    /// The value, shortened: it goes into logs.
    private static func excerpt(_ value: SQLValue) -> String {
        switch value {
        case .null: "NULL"
        case .integer(let number): "\(number)"
        case .real(let number): "\(number)"
        case .text(let text): text.count > 40 ? "'\(text.prefix(40))…'" : "'\(text)'"
        case .blob(let bytes): "(\(bytes.count) bytes)"
        }
    }
}
