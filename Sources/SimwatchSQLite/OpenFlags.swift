internal import CSQLite

/// How `Database` opens its file (sqlite3_open_v2 flags).
public struct OpenFlags: OptionSet, Sendable {
    public var rawValue: Int32

    public init(rawValue: Int32) { self.rawValue = rawValue }

    public static let readOnly = OpenFlags(rawValue: SQLITE_OPEN_READONLY)
    public static let readWrite = OpenFlags(rawValue: SQLITE_OPEN_READWRITE)
    public static let create = OpenFlags(rawValue: SQLITE_OPEN_CREATE)
    public static let uri = OpenFlags(rawValue: SQLITE_OPEN_URI)
    public static let memory = OpenFlags(rawValue: SQLITE_OPEN_MEMORY)
    /// No SQLite-internal mutex: the connection is used by one thread at a time (`SerializedDatabase` sees to it).
    public static let noMutex = OpenFlags(rawValue: SQLITE_OPEN_NOMUTEX)
    public static let fullMutex = OpenFlags(rawValue: SQLITE_OPEN_FULLMUTEX)
    /// Never follow a symbolic link to the database file.
    public static let noFollow = OpenFlags(rawValue: SQLITE_OPEN_NOFOLLOW)

    /// Read-write, created if missing, one thread at a time.
    public static let standard: OpenFlags = [.readWrite, .create, .noMutex]
}
