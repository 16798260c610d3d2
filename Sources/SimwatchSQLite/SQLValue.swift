/// One SQLite value as stored: SQLite has five storage classes and every column of every row holds one of them.
///
/// It binds and reads as itself, for callers that handle the storage class on their own (the conversions of Swift
/// types are in `SQLBindable` and `SQLDecodable`).
public enum SQLValue: Sendable, Hashable, SQLBindable, SQLDecodable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob([UInt8])

    public init?(sqlValue: SQLValue) { self = sqlValue }

    public var sqlValue: SQLValue { self }

    /// The storage class's SQL name, for error messages.
    public var storageClass: String {
        switch self {
        case .null: "NULL"
        case .integer: "INTEGER"
        case .real: "REAL"
        case .text: "TEXT"
        case .blob: "BLOB"
        }
    }
}
