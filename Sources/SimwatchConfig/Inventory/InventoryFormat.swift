/// How an inventory file is written: by its extension (`.csv`, `.jsonl`, `.ndjson`) or `format = "csv"|"jsonl"`.
package enum InventoryFormat: String, Sendable, Hashable, CaseIterable {
    case csv
    case jsonl

    /// The format a file name implies, if any.
    package init?(fileName: String) {
        let lower = fileName.lowercased()
        if lower.hasSuffix(".csv") {
            self = .csv
        } else if lower.hasSuffix(".jsonl") || lower.hasSuffix(".ndjson") {
            self = .jsonl
        } else {
            return nil
        }
    }
}
