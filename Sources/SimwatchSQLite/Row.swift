/// One result row, copied out of the statement so it outlives the next step. Read columns by name or index into
/// any `SQLDecodable` type: `let used: Int64? = try row["used"]`.
public struct Row: Sendable {
    let columns: ColumnNames
    /// The values in column order.
    public let values: [SQLValue]
    /// The statement that produced the row, for error messages.
    public let sql: String

    init(columns: ColumnNames, values: [SQLValue], sql: String) {
        self.columns = columns
        self.values = values
        self.sql = sql
    }

    public var columnNames: [String] { columns.names }

    /// The raw value of the named column, or nil when the row has no such column.
    public func value(named name: String) -> SQLValue? { columns.index(of: name).map { values[$0] } }

    /// The named column as `T`; throws `RowError` when there is no such column or its value does not fit `T`.
    public subscript<T: SQLDecodable>(_ name: String) -> T {
        get throws {
            guard let index = columns.index(of: name) else {
                throw RowError(reason: .noSuchColumn, column: name, expected: "\(T.self)", sql: sql)
            }
            return try decode(values[index], column: name)
        }
    }

    /// Column `index` (from 0) as `T`; throws `RowError` when out of range or its value does not fit `T`.
    public subscript<T: SQLDecodable>(_ index: Int) -> T {
        get throws {
            guard values.indices.contains(index) else {
                throw RowError(
                    reason: .indexOutOfRange(count: values.count),
                    column: "\(index)",
                    expected: "\(T.self)",
                    sql: sql
                )
            }
            return try decode(values[index], column: columns.names[index])
        }
    }

    private func decode<T: SQLDecodable>(_ value: SQLValue, column: String) throws -> T {
        if let decoded = T(sqlValue: value) { return decoded }
        if case .null = value {
            throw RowError(reason: .unexpectedNull, column: column, expected: "\(T.self)", sql: sql)
        }
        throw RowError(reason: .typeMismatch(found: value), column: column, expected: "\(T.self)", sql: sql)
    }
}
