/// One record of a CSV file: its fields, its number (the header is record 1) and the line it starts on.
package struct CSVRecord: Sendable, Hashable {
    package var fields: [String]
    package var number: Int
    package var line: Int
}

/// A mistake in the CSV structure itself, at a record and (when known) a field.
package struct CSVProblem: Sendable, Hashable {
    package var record: Int
    package var line: Int
    /// 1-based field index, when the problem is in one field.
    package var field: Int?
    package var message: String
    package var hint: String?
}
