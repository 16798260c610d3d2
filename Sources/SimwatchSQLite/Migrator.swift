/// Ordered, named schema migrations. Each runs once, in its own write transaction, and is recorded in
/// `schema_migration`. A database made by simwatch 0.1 recorded its migrations in GRDB's `grdb_migrations`; their
/// identifiers are imported first, so such a database is upgraded in place and never migrated twice. (The GRDB table
/// is left as it was.)
public struct Migrator: Sendable {
    public typealias Body = @Sendable (Database) throws -> Void

    /// Where applied migrations are recorded.
    public static let table = "schema_migration"
    /// Where GRDB recorded them.
    public static let grdbTable = "grdb_migrations"

    private var migrations: [(identifier: String, body: Body)] = []

    public init() {}

    /// The identifiers in the order they run.
    public var identifiers: [String] { migrations.map(\.identifier) }

    /// Adds a migration after the others. Never edit or reorder a shipped one: add the next.
    public mutating func register(_ identifier: String, _ body: @escaping Body) {
        precondition(!identifiers.contains(identifier), "migration \(identifier) registered twice")
        migrations.append((identifier, body))
    }

    /// Applies the migrations not yet recorded, in order, and returns their identifiers (empty when the database
    /// was up to date, in which case nothing was written).
    @discardableResult
    public func migrate(_ database: Database) throws -> [String] {
        try database.write { database in
            try database.execute(
                script: "CREATE TABLE IF NOT EXISTS \(Self.table) (identifier TEXT NOT NULL PRIMARY KEY)"
            )
            if try Self.hasTable(Self.grdbTable, database) {
                try database.execute(
                    "INSERT OR IGNORE INTO \(Self.table)(identifier) SELECT identifier FROM \(Self.grdbTable)"
                )
            }
        }
        let applied = try appliedIdentifiers(database)
        var ran: [String] = []
        for migration in migrations where !applied.contains(migration.identifier) {
            try database.write { database in
                try migration.body(database)
                try database.execute("INSERT INTO \(Self.table)(identifier) VALUES (?)", [migration.identifier])
            }
            ran.append(migration.identifier)
        }
        return ran
    }

    /// The identifiers recorded as applied (including any this migrator does not know, from a newer version).
    public func appliedIdentifiers(_ database: Database) throws -> Set<String> {
        guard try Self.hasTable(Self.table, database) else { return [] }
        return Set(try database.values(String.self, "SELECT identifier FROM \(Self.table)"))
    }

    /// The registered migrations not yet applied.
    public func pendingIdentifiers(_ database: Database) throws -> [String] {
        let applied = try appliedIdentifiers(database)
        return identifiers.filter { !applied.contains($0) }
    }

    private static func hasTable(_ name: String, _ database: Database) throws -> Bool {
        try database.value(Bool.self, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", [name]) ?? false
    }
}
