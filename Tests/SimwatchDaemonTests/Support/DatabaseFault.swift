import FoundationEssentials
import Glibc
import SimwatchStore

/// A state database on disk whose writes can be made to fail, as a full disk or a broken one would: a trigger added
/// through a second connection aborts every insert into a table. The simwatch's connection sees the schema change at
/// its next statement. SQLite is reached through the library the test binary already links (`dlopen`), so the test
/// target needs no SQLite module of its own.
final class DatabaseFault {
    let path = "/tmp/simwatch-simwatch-fault-\(UInt64.random(in: 0...UInt64.max)).db"
    let store: StateStore

    private typealias Open = @convention(c) (UnsafePointer<CChar>?, UnsafeMutablePointer<OpaquePointer?>?) -> Int32
    private typealias Exec =
        @convention(c) (
            OpaquePointer?, UnsafePointer<CChar>?, UnsafeRawPointer?, UnsafeMutableRawPointer?,
            UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
        ) -> Int32
    private typealias Close = @convention(c) (OpaquePointer?) -> Int32

    init() throws {
        store = try StateStore(path: path)
    }

    deinit {
        for suffix in ["", "-wal", "-shm"] { unlink(path + suffix) }
    }

    /// Every insert into `table` fails from now on ("disk I/O error" in spirit).
    func failInserts(into table: String) throws {
        try execute(
            """
            CREATE TRIGGER IF NOT EXISTS fault_\(table) BEFORE INSERT ON \(table)
            BEGIN SELECT RAISE(ABORT, 'injected fault: \(table) refuses writes'); END
            """
        )
    }

    /// Inserts into `table` of line `line`'s rows fail from now on; the other lines' still work.
    func failInserts(into table: String, line: String) throws {
        try execute(
            """
            CREATE TRIGGER IF NOT EXISTS fault_\(table) BEFORE INSERT ON \(table) WHEN NEW.line_id = '\(line)'
            BEGIN SELECT RAISE(ABORT, 'injected fault: \(table) refuses rows of \(line)'); END
            """
        )
    }

    /// Inserts into `table` work again.
    func heal(_ table: String) throws {
        try execute("DROP TRIGGER IF EXISTS fault_\(table)")
    }

    private func execute(_ sql: String) throws {
        guard let library = dlopen("libsqlite3.so.0", RTLD_NOW),
            let openSymbol = dlsym(library, "sqlite3_open"),
            let execSymbol = dlsym(library, "sqlite3_exec"),
            let closeSymbol = dlsym(library, "sqlite3_close")
        else { throw DatabaseFaultError(message: "libsqlite3.so.0 not found") }
        let open = unsafeBitCast(openSymbol, to: Open.self)
        let exec = unsafeBitCast(execSymbol, to: Exec.self)
        let close = unsafeBitCast(closeSymbol, to: Close.self)
        var db: OpaquePointer?
        guard open(path, &db) == 0 else { throw DatabaseFaultError(message: "cannot open \(path)") }
        defer { _ = close(db) }
        let result = exec(db, sql, nil, nil, nil)
        guard result == 0 else { throw DatabaseFaultError(message: "\(sql) failed: \(result)") }
    }
}

struct DatabaseFaultError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
