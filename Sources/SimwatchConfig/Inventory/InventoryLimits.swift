/// Bounds on inventory files, so a hostile or mistaken file ends in a clear error rather than a daemon out of
/// memory: a reseller's 100,000 rows fit with room to spare.
package struct InventoryLimits: Sendable, Hashable {
    /// The largest file read, in bytes (checked before reading; the read itself stops there too).
    package var maximumFileBytes = 128 << 20
    /// Rows (records after the header, or JSON lines) in one file.
    package var maximumRows = 1_000_000
    /// Bytes in one field (CSV) or one line (JSONL).
    package var maximumFieldBytes = 4096
    package var maximumLineBytes = 64 << 10
    /// Columns of the header.
    package var maximumColumns = 64
    /// Diagnostics kept per file; past this, one more says how many were left out.
    package var maximumDiagnostics = 100

    package init() {}
}
