import Synchronization

/// A connection shared between threads, used by one at a time: what simwatch's store needs (one writer, short
/// statements). Calls are synchronous and block the caller while another holds the connection, as GRDB's
/// `DatabaseQueue` did; callers keep them short.
public final class SerializedDatabase: Sendable {
    /// Used only while holding `lock`. (Not `Mutex<Database>`: its closures take the value as `inout sending`,
    /// which a connection lent to the caller's closure cannot be.)
    private nonisolated(unsafe) let database: Database
    /// Held while the connection is in use; counts the write transactions committed.
    private let lock = Mutex(0)

    /// Takes over `database`; nothing else may use it afterwards.
    public init(_ database: sending Database) {
        self.database = database
    }

    /// Opens the file at `path` with simwatch's settings: WAL, `synchronous = NORMAL` (safe with WAL: a power cut
    /// can lose the last commits, never corrupt), foreign keys on, and `busyTimeout` for other connections' locks.
    public static func open(path: String, busyTimeout: Duration = .seconds(5)) throws -> SerializedDatabase {
        let database = try Database(path: path)
        try database.setBusyTimeout(busyTimeout)
        try database.setForeignKeys(true)
        try database.execute(script: "PRAGMA synchronous = NORMAL")
        try database.enableWAL()
        return SerializedDatabase(database)
    }

    /// A private in-memory database (for tests), with foreign keys on.
    public static func inMemory() throws -> SerializedDatabase {
        let database = try Database.inMemory()
        try database.setForeignKeys(true)
        return SerializedDatabase(database)
    }

    /// Reads in a deferred transaction, so several statements see one state of the database.
    public func read<T: Sendable>(_ body: (Database) throws -> T) throws -> T {
        try lock.withLock { _ in try database.transaction(.deferred, body) }
    }

    /// Writes in an immediate transaction: all or nothing.
    public func write<T: Sendable>(_ body: (Database) throws -> T) throws -> T {
        try lock.withLock { committed in
            let result = try database.write(body)
            committed += 1
            return result
        }
    }

    /// Write transactions committed through this connection since it was opened.
    public var committedWrites: Int { lock.withLock { $0 } }

    /// Uses the connection outside any transaction (pragmas, the migrator, which makes its own).
    public func withDatabase<T: Sendable>(_ body: (Database) throws -> T) throws -> T {
        try lock.withLock { _ in try body(database) }
    }
}
