package import SimwatchCore

/// One SIM of an inventory (a CSV record or a JSON line), checked: the fields a line takes from its row rather than
/// from its group.
package struct InventoryRow: Sendable, Hashable {
    /// The line id: the row's `id`, else the ICCID's digits.
    package var id: String
    /// The ICCID's digits (spaces removed), when the row gives one.
    package var iccid: String?
    package var name: String?
    /// The customer's mail addresses: `[line.email] to` of the line.
    package var recipients: [MailAddress]
    package var language: Language?
    /// The row's `group`, else the `[[inventory]]` table's.
    package var group: String?
    /// Where it is: the CSV record number (the header is record 1) or the JSON line number, and the line it starts
    /// on.
    package var record: Int
    package var line: Int

    package init(
        id: String,
        iccid: String? = nil,
        name: String? = nil,
        recipients: [MailAddress] = [],
        language: Language? = nil,
        group: String? = nil,
        record: Int,
        line: Int
    ) {
        self.id = id
        self.iccid = iccid
        self.name = name
        self.recipients = recipients
        self.language = language
        self.group = group
        self.record = record
        self.line = line
    }

    /// The columns (CSV) or keys (JSONL) an inventory may have.
    package static let columns = ["iccid", "id", "name", "recipients", "language", "group"]
}
