internal import CSQLite

/// One SQLite connection over the system's libsqlite3: statements prepared once per SQL text and cached, typed
/// binding and reading, transactions. Not thread-safe (it is a plain connection); share it through
/// `SerializedDatabase`.
public final class Database {
    private var handle: OpaquePointer?
    private var cache: [String: Statement] = [:]
    /// The path given to `init`, or ":memory:".
    public let path: String

    /// Opens (and with `.create`, creates) the database at `path`. Extended result codes are on, so
    /// `SQLiteError.extendedCode` says which constraint failed or which I/O went wrong.
    public init(path: String, flags: OpenFlags = .standard) throws {
        var handle: OpaquePointer?
        let result = sqlite3_open_v2(path, &handle, flags.rawValue, nil)
        guard result == SQLITE_OK, let handle else {
            let error = SQLiteError(result: result, handle: handle, sql: nil)
            // A failed open still allocates a connection (for its message); it must be closed.
            sqlite3_close_v2(handle)
            throw SQLiteError(
                code: error.code,
                extendedCode: error.extendedCode,
                message: "cannot open \(path): \(error.message)"
            )
        }
        sqlite3_extended_result_codes(handle, 1)
        self.handle = handle
        self.path = path
    }

    /// A private in-memory database, gone when closed.
    public static func inMemory() throws -> Database { try Database(path: ":memory:") }

    deinit { close() }

    /// Finalizes the cached statements and closes the connection; later calls throw `.misuse`. Statements made
    /// with `makeStatement` that are still alive keep the connection open until they go (`sqlite3_close_v2`).
    public func close() {
        cache.removeAll()
        if let handle { sqlite3_close_v2(handle) }
        handle = nil
    }

    public var isOpen: Bool { handle != nil }

    func connection(for sql: String?) throws -> OpaquePointer {
        guard let handle else { throw SQLiteError(code: .misuse, message: "the database is closed", sql: sql) }
        return handle
    }

    // MARK: - settings

    /// How long a statement waits for another connection's lock before failing with `.busy`.
    public func setBusyTimeout(_ timeout: Duration) throws {
        let (seconds, attoseconds) = timeout.components
        let milliseconds = max(0, min(Int64(Int32.max), seconds * 1000 + attoseconds / 1_000_000_000_000_000))
        let result = sqlite3_busy_timeout(try connection(for: nil), Int32(milliseconds))
        guard result == SQLITE_OK else { throw SQLiteError(result: result, handle: handle, sql: nil) }
    }

    /// Switches to write-ahead logging; returns the journal mode now in force ("wal", or "memory" for an
    /// in-memory database, which cannot use WAL).
    @discardableResult
    public func enableWAL() throws -> String {
        try value(String.self, "PRAGMA journal_mode = WAL") ?? ""
    }

    public func setForeignKeys(_ enabled: Bool) throws {
        try execute(script: "PRAGMA foreign_keys = \(enabled ? "ON" : "OFF")")
    }

    // MARK: - statements

    /// The prepared statement for `sql`, from the cache when it was prepared before; reset and with its bindings
    /// cleared. Use for SQL run again and again (the store's queries).
    public func cachedStatement(_ sql: String) throws -> Statement {
        if let statement = cache[sql] {
            statement.reset()
            statement.clearBindings()
            return statement
        }
        let statement = try Statement(connection: try connection(for: sql), sql: sql, persistent: true)
        cache[sql] = statement
        return statement
    }

    /// A new prepared statement, not cached: for SQL built on the fly and run once.
    public func makeStatement(_ sql: String) throws -> Statement {
        try Statement(connection: try connection(for: sql), sql: sql, persistent: false)
    }

    /// How many statements are in the cache (for tests of its reuse).
    public var cachedStatementCount: Int { cache.count }

    /// Runs one or more `;`-separated statements without arguments (schema scripts, pragmas).
    public func execute(script sql: String) throws {
        let connection = try connection(for: sql)
        var message: UnsafeMutablePointer<CChar>?
        let result = sqlite3_exec(connection, sql, nil, nil, &message)
        defer { sqlite3_free(message) }
        guard result == SQLITE_OK else {
            var error = SQLiteError(result: result, handle: connection, sql: sql)
            if let message { error.message = String(cString: message) }
            throw error
        }
    }

    /// Runs one statement with positional arguments, ignoring any rows.
    public func execute(_ sql: String, _ arguments: [(any SQLBindable)?] = []) throws {
        let statement = try cachedStatement(sql)
        try statement.bind(arguments)
        try statement.execute()
    }

    /// Runs one statement with named arguments, ignoring any rows.
    public func execute(_ sql: String, named arguments: [String: (any SQLBindable)?]) throws {
        let statement = try cachedStatement(sql)
        try statement.bind(arguments)
        try statement.execute()
    }

    /// All rows of a query.
    public func rows(_ sql: String, _ arguments: [(any SQLBindable)?] = []) throws -> [Row] {
        let statement = try cachedStatement(sql)
        try statement.bind(arguments)
        return try statement.rows()
    }

    /// The first row of a query, if any.
    public func row(_ sql: String, _ arguments: [(any SQLBindable)?] = []) throws -> Row? {
        let statement = try cachedStatement(sql)
        try statement.bind(arguments)
        defer { statement.reset() }
        return try statement.step() ? statement.row() : nil
    }

    /// The first column of the first row as `T`; nil when there is no row or the value is NULL (as for
    /// `SELECT MIN(x)` over no rows).
    public func value<T: SQLDecodable>(
        _ type: T.Type = T.self,
        _ sql: String,
        _ arguments: [(any SQLBindable)?] = []
    ) throws -> T? {
        guard let row = try row(sql, arguments) else { return nil }
        let value: T? = try row[0]
        return value
    }

    /// The first column of every row as `T`; a NULL or a value that does not fit throws.
    public func values<T: SQLDecodable>(
        _ type: T.Type = T.self,
        _ sql: String,
        _ arguments: [(any SQLBindable)?] = []
    ) throws -> [T] {
        try rows(sql, arguments).map { row in try row[0] }
    }

    /// Rows changed by the last INSERT, UPDATE or DELETE.
    public var changes: Int { handle.map { Int(sqlite3_changes64($0)) } ?? 0 }

    /// Rows changed since the connection opened (a way to see that something did nothing).
    public var totalChanges: Int { handle.map { Int(sqlite3_total_changes64($0)) } ?? 0 }

    public var lastInsertRowID: Int64 { handle.map { sqlite3_last_insert_rowid($0) } ?? 0 }

    /// True inside BEGIN ... COMMIT.
    public var isInTransaction: Bool { handle.map { sqlite3_get_autocommit($0) == 0 } ?? false }

    // MARK: - transactions

    /// Runs `body` in a transaction: COMMIT when it returns, ROLLBACK when it (or the COMMIT) throws.
    public func transaction<T>(_ kind: TransactionKind = .deferred, _ body: (Database) throws -> T) throws -> T {
        try execute(script: "BEGIN \(kind.rawValue) TRANSACTION")
        do {
            let result = try body(self)
            try execute(script: "COMMIT TRANSACTION")
            return result
        } catch {
            // SQLite may have rolled back already (some errors, like SQLITE_FULL, end the transaction).
            if isInTransaction { try? execute(script: "ROLLBACK TRANSACTION") }
            throw error
        }
    }

    /// A write transaction: BEGIN IMMEDIATE ... COMMIT, rolled back when `body` throws.
    public func write<T>(_ body: (Database) throws -> T) throws -> T {
        try transaction(.immediate, body)
    }
}
