internal import CSQLite

/// A failed SQLite call: the codes callers switch on, SQLite's message, and the SQL that failed.
public struct SQLiteError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The primary result code: `.busy`, `.full`, `.corrupt`, `.constraint`...
    public var code: SQLiteResultCode
    /// The extended result code (for example SQLITE_CONSTRAINT_PRIMARYKEY), which says more than `code`.
    public var extendedCode: Int32
    public var message: String
    /// The statement that failed, when there was one.
    public var sql: String?

    public init(code: SQLiteResultCode, extendedCode: Int32? = nil, message: String, sql: String? = nil) {
        self.code = code
        self.extendedCode = extendedCode ?? code.rawValue
        self.message = message
        self.sql = sql
    }

    /// The error for `result` from a call on connection `handle`, whose message describes its last failure.
    init(result: Int32, handle: OpaquePointer?, sql: String?) {
        let primary = result & 0xFF
        var extended = result
        var message = String(cString: sqlite3_errstr(result))
        // The connection's message is about its last failed call; use it only when that was this one.
        if let handle, sqlite3_extended_errcode(handle) & 0xFF == primary {
            extended = sqlite3_extended_errcode(handle)
            message = String(cString: sqlite3_errmsg(handle))
        }
        self.init(code: SQLiteResultCode(rawValue: primary), extendedCode: extended, message: message, sql: sql)
    }

    public var description: String {
        var text = "\(message) (SQLite error \(extendedCode))"
        if let sql { text += " in «\(sql)»" }
        return text
    }
}
