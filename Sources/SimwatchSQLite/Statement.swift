internal import CSQLite

/// A prepared statement. Get one from `Database.cachedStatement(_:)` (prepared once per SQL text and reused) or
/// `Database.makeStatement(_:)`; bind parameters by index or name, then `step()` through the rows.
/// Not thread-safe: it belongs to its connection, which `SerializedDatabase` guards.
public final class Statement {
    let handle: OpaquePointer
    /// The connection, for error messages. The statement never outlives it in use: `Database.close()` finalizes
    /// the cached statements and `sqlite3_close_v2` waits for the others.
    private let connection: OpaquePointer
    public let sql: String
    /// The current result's column names, read at its first row (a schema change can alter `SELECT *`).
    private var columns: ColumnNames?

    init(connection: OpaquePointer, sql: String, persistent: Bool) throws {
        let flags = persistent ? UInt32(SQLITE_PREPARE_PERSISTENT) : 0
        // Prepared inside withCString: the tail pointer points into that C string.
        let (result, prepared, trailing) = sql.withCString { text -> (Int32, OpaquePointer?, Bool) in
            var handle: OpaquePointer?
            var tail: UnsafePointer<CChar>?
            let result = sqlite3_prepare_v3(connection, text, -1, flags, &handle, &tail)
            guard result == SQLITE_OK, let tail, tail.pointee != 0 else { return (result, handle, false) }
            // SQL after the first statement would be silently dropped; blanks and comments prepare to nothing.
            var extra: OpaquePointer?
            let rest = sqlite3_prepare_v2(connection, tail, -1, &extra, nil)
            sqlite3_finalize(extra)
            return (result, handle, rest != SQLITE_OK || extra != nil)
        }
        guard result == SQLITE_OK, let prepared else {
            // An empty or comment-only text prepares "successfully" to no statement at all.
            if result == SQLITE_OK {
                throw SQLiteError(code: .misuse, message: "no statement in the SQL text", sql: sql)
            }
            throw SQLiteError(result: result, handle: connection, sql: sql)
        }
        if trailing {
            sqlite3_finalize(prepared)
            throw SQLiteError(code: .misuse, message: "more than one statement; use execute(script:)", sql: sql)
        }
        self.handle = prepared
        self.connection = connection
        self.sql = sql
    }

    deinit { sqlite3_finalize(handle) }

    /// The number of parameters (`?`, `?NNN`, `:name`, `@name`, `$name`) in the SQL.
    public var parameterCount: Int { Int(sqlite3_bind_parameter_count(handle)) }

    /// Binds `value` (nil binds NULL) to parameter `index`, counted from 1 as SQLite does.
    public func bind(_ value: (any SQLBindable)?, at index: Int) throws {
        guard let position = Int32(exactly: index), position >= 1, index <= parameterCount else {
            throw SQLiteError(
                code: .range,
                message: "no parameter \(index) (the statement has \(parameterCount))",
                sql: sql
            )
        }
        try check(bindValue(value?.sqlValue ?? .null, at: position))
    }

    /// Binds `value` to the named parameter; `name` may carry its prefix (`:day`) or not (`day`, tried as `:day`,
    /// `@day` and `$day`).
    public func bind(_ value: (any SQLBindable)?, named name: String) throws {
        let candidates = name.first.map { ":@$".contains($0) } == true ? [name] : [":" + name, "@" + name, "$" + name]
        for candidate in candidates {
            let index = sqlite3_bind_parameter_index(handle, candidate)
            if index > 0 {
                try check(bindValue(value?.sqlValue ?? .null, at: index))
                return
            }
        }
        throw SQLiteError(code: .range, message: "no parameter named \(name)", sql: sql)
    }

    /// Binds all positional parameters at once; the count must match.
    public func bind(_ values: [(any SQLBindable)?]) throws {
        guard values.count == parameterCount else {
            throw SQLiteError(
                code: .range,
                message: "\(values.count) arguments for \(parameterCount) parameters",
                sql: sql
            )
        }
        for (offset, value) in values.enumerated() { try bind(value, at: offset + 1) }
    }

    /// Binds named parameters.
    public func bind(_ values: [String: (any SQLBindable)?]) throws {
        for (name, value) in values { try bind(value, named: name) }
    }

    private func bindValue(_ value: SQLValue, at index: Int32) -> Int32 {
        switch value {
        case .null:
            return sqlite3_bind_null(handle, index)
        case .integer(let number):
            return sqlite3_bind_int64(handle, index, number)
        case .real(let number):
            return sqlite3_bind_double(handle, index, number)
        case .text(let text):
            // A NULL pointer would bind NULL, so the empty string gets a real one.
            return text.utf8CString.withUnsafeBufferPointer { buffer in
                sqlite3_bind_text64(
                    handle,
                    index,
                    buffer.baseAddress,
                    UInt64(buffer.count - 1),
                    Self.transient,
                    UInt8(SQLITE_UTF8)
                )
            }
        case .blob(let bytes):
            if bytes.isEmpty { return sqlite3_bind_zeroblob(handle, index, 0) }
            return bytes.withUnsafeBytes { buffer in
                sqlite3_bind_blob64(handle, index, buffer.baseAddress, UInt64(buffer.count), Self.transient)
            }
        }
    }

    /// SQLITE_TRANSIENT (the C macro is not imported): SQLite copies the bound bytes before the call returns.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    /// Runs the statement to its next row: true when a row is ready (read it with `row()`), false when done.
    public func step() throws -> Bool {
        let result = sqlite3_step(handle)
        switch result {
        case SQLITE_ROW:
            if columns == nil { columns = readColumnNames() }
            return true
        case SQLITE_DONE:
            return false
        default:
            // Reset so the statement can run again; the error is the step's.
            let error = SQLiteError(result: result, handle: connection, sql: sql)
            sqlite3_reset(handle)
            columns = nil
            throw error
        }
    }

    /// The current row, after `step()` returned true.
    public func row() -> Row {
        let names = columns ?? readColumnNames()
        var values: [SQLValue] = []
        values.reserveCapacity(names.names.count)
        for index in 0..<Int32(names.names.count) { values.append(columnValue(index)) }
        return Row(columns: names, values: values, sql: sql)
    }

    /// Rewinds the statement so it can run again; bindings stay.
    public func reset() {
        sqlite3_reset(handle)
        columns = nil
    }

    /// Sets every parameter back to NULL.
    public func clearBindings() { sqlite3_clear_bindings(handle) }

    /// Steps to the end, ignoring any rows.
    public func execute() throws {
        defer { reset() }
        while try step() {}
    }

    /// Steps to the end, collecting the rows.
    public func rows() throws -> [Row] {
        defer { reset() }
        var out: [Row] = []
        while try step() { out.append(row()) }
        return out
    }

    private func readColumnNames() -> ColumnNames {
        let count = sqlite3_column_count(handle)
        return ColumnNames((0..<count).map { String(cString: sqlite3_column_name(handle, $0)) })
    }

    private func columnValue(_ index: Int32) -> SQLValue {
        switch sqlite3_column_type(handle, index) {
        case SQLITE_INTEGER:
            return .integer(sqlite3_column_int64(handle, index))
        case SQLITE_FLOAT:
            return .real(sqlite3_column_double(handle, index))
        case SQLITE_TEXT:
            // Read the pointer before the length, as SQLite's documentation requires.
            guard let text = sqlite3_column_text(handle, index) else { return .text("") }
            let count = Int(sqlite3_column_bytes(handle, index))
            return .text(String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self))
        case SQLITE_BLOB:
            guard let bytes = sqlite3_column_blob(handle, index) else { return .blob([]) }
            let count = Int(sqlite3_column_bytes(handle, index))
            return .blob(Array(UnsafeRawBufferPointer(start: bytes, count: count)))
        default:
            return .null
        }
    }

    private func check(_ result: Int32) throws {
        guard result == SQLITE_OK else { throw SQLiteError(result: result, handle: connection, sql: sql) }
    }
}
