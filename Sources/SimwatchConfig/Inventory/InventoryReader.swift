internal import SimwatchControl
import SimwatchCore
import SimwatchModel

/// Reads an inventory's bytes (CSV with a header row, or JSON Lines) into checked rows. Every mistake is collected
/// with the file, the row (CSV record number, JSON line number), the column and a hint; a row with a mistake is
/// left out, the others are kept. Pure: the caller reads the file (bounded), so this is what the fuzzer drives.
package struct InventoryReader {
    /// The file, as diagnostics name it.
    package let file: String
    package let limits: InventoryLimits
    package private(set) var rows: [InventoryRow] = []
    package private(set) var diagnostics: [ConfigDiagnostic] = []
    private var leftOut = 0

    package init(file: String, limits: InventoryLimits = InventoryLimits()) {
        self.file = file
        self.limits = limits
    }

    /// Reads `bytes` as `format`; rows without a `group` take `defaultGroup`.
    package mutating func read(_ bytes: [UInt8], format: InventoryFormat, defaultGroup: String? = nil) {
        switch format {
        case .csv: readCSV(bytes, defaultGroup: defaultGroup)
        case .jsonl: readJSONL(bytes, defaultGroup: defaultGroup)
        }
        if leftOut > 0 {
            diagnostics.append(
                ConfigDiagnostic(
                    file: file,
                    line: nil,
                    context: "",
                    message: "\(leftOut) more problem(s) not shown",
                    hint: "fix the ones above and check again"
                )
            )
        }
    }

    // MARK: CSV

    private mutating func readCSV(_ bytes: [UInt8], defaultGroup: String?) {
        var reader = CSVReader(bytes, limits: limits)
        let records = reader.records()
        var header: [String] = []
        var headerRecord: CSVRecord?
        if let first = records.first, first.number == 1 {
            headerRecord = first
            header = first.fields.map { $0.trimming(" ") }
        }
        for problem in reader.problems {
            let column = problem.field.flatMap { $0 <= header.count ? header[$0 - 1] : nil }
            let where_ = column.map { "column `\($0)`" } ?? problem.field.map { "field \($0)" }
            report(
                problem.line,
                context: "record \(problem.record)" + (where_.map { ", \($0)" } ?? ""),
                problem.message,
                hint: problem.hint
            )
        }
        guard let headerRecord else {
            if reader.problems.isEmpty {
                report(
                    1,
                    context: "",
                    "no header row",
                    hint: "the first line names the columns: \(InventoryRow.columns.joined(separator: ","))"
                )
            }
            return
        }
        guard checkHeader(header, line: headerRecord.line) else { return }
        for record in records.dropFirst() {
            let at = "record \(record.number)"
            guard record.fields.count == header.count else {
                report(
                    record.line,
                    context: at,
                    "\(record.fields.count) field(s), but the header names \(header.count) column(s)",
                    hint: "every row has one field per column; quote a field that holds a comma"
                )
                continue
            }
            var fields = RowFields()
            for (name, value) in zip(header, record.fields) {
                let trimmed = value.trimming(" ")
                if name == "recipients" {
                    fields.recipients = trimmed.split(separator: ";").map { String($0).trimming(" ") }
                        .filter { !$0.isEmpty }
                } else if !trimmed.isEmpty {
                    fields.text[name] = trimmed
                }
            }
            row(fields, record: record.number, line: record.line, context: at, column: "column", defaultGroup)
        }
    }

    /// Known, unrepeated, not too many columns, with an `id` or an `iccid`.
    private mutating func checkHeader(_ header: [String], line: Int) -> Bool {
        var ok = true
        if header.count > limits.maximumColumns {
            report(line, context: "header", "more than \(limits.maximumColumns) columns", hint: nil)
            return false
        }
        var seen: Set<String> = []
        for name in header {
            if !InventoryRow.columns.contains(name) {
                report(
                    line,
                    context: "header, column `\(name)`",
                    "unknown column `\(name)`",
                    hint: Self.columnHint(name)
                )
                ok = false
            } else if !seen.insert(name).inserted {
                report(line, context: "header, column `\(name)`", "column `\(name)` appears twice", hint: nil)
                ok = false
            }
        }
        if ok, !seen.contains("id"), !seen.contains("iccid") {
            report(line, context: "header", "neither an `id` nor an `iccid` column", hint: "name the SIMs with one")
            ok = false
        }
        return ok
    }

    private static func columnHint(_ name: String) -> String {
        Suggestion.nearest(to: name, in: InventoryRow.columns).map { "did you mean `\($0)`?" }
            ?? "known columns: \(InventoryRow.columns.joined(separator: ", "))"
    }

    // MARK: JSON Lines

    private mutating func readJSONL(_ bytes: [UInt8], defaultGroup: String?) {
        var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var lineNumber = 0
        var count = 0
        while start < bytes.count {
            lineNumber += 1
            let end = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
            var slice = bytes[start..<end]
            start = end + 1
            if slice.last == UInt8(ascii: "\r") { slice = slice.dropLast() }
            guard slice.contains(where: { $0 != 0x20 && $0 != 0x09 }) else { continue }
            count += 1
            guard count <= limits.maximumRows else {
                report(lineNumber, context: "", "more than \(limits.maximumRows) rows", hint: "split the inventory")
                return
            }
            guard slice.count <= limits.maximumLineBytes else {
                report(lineNumber, context: "", "a line longer than \(limits.maximumLineBytes) bytes", hint: nil)
                continue
            }
            let value: JSONValue
            do {
                value = try JSONParser.parse(Array(slice))
            } catch {
                report(
                    lineNumber,
                    context: "column \(error.offset + 1)",
                    "not JSON: \(error.reason)",
                    hint: "each line is one object, e.g. {\"iccid\": \"8933...\", \"group\": \"eu\"}"
                )
                continue
            }
            guard case .object(let object) = value else {
                report(lineNumber, context: "", "each line must be a JSON object", hint: "write {\"iccid\": ...}")
                continue
            }
            var fields = RowFields()
            var ok = true
            for key in object.keys.sorted() {
                let context = "key `\(key)`"
                guard InventoryRow.columns.contains(key) else {
                    report(lineNumber, context: "", "unknown key `\(key)`", hint: Self.columnHint(key))
                    ok = false
                    continue
                }
                switch (key, object[key]) {
                case (_, .null?): break
                case ("recipients", .array(let items)?):
                    var list: [String] = []
                    for item in items {
                        guard case .string(let s) = item else {
                            report(lineNumber, context: context, "every recipient must be a string", hint: nil)
                            ok = false
                            break
                        }
                        list.append(s.trimming(" "))
                    }
                    fields.recipients = list.filter { !$0.isEmpty }
                case ("recipients", .string(let s)?):
                    fields.recipients = s.split(separator: ";").map { String($0).trimming(" ") }
                        .filter { !$0.isEmpty }
                case (_, .string(let s)?):
                    let trimmed = s.trimming(" ")
                    if !trimmed.isEmpty { fields.text[key] = trimmed }
                default:
                    let hint =
                        key == "recipients"
                        ? "a list of addresses: [\"a@example.com\"]"
                        : key == "iccid" ? "write the ICCID as a string: a number loses its digits" : "put it in quotes"
                    report(lineNumber, context: context, "`\(key)` must be a string", hint: hint)
                    ok = false
                }
            }
            guard ok else { continue }
            row(fields, record: lineNumber, line: lineNumber, context: "", column: "key", defaultGroup)
        }
    }

    // MARK: Rows

    /// A row's values before they are checked.
    private struct RowFields {
        var text: [String: String] = [:]
        var recipients: [String] = []
    }

    /// Checks one row's values; keeps it when all are right.
    private mutating func row(
        _ fields: RowFields,
        record: Int,
        line: Int,
        context: String,
        column word: String,
        _ defaultGroup: String?
    ) {
        var ok = true
        func at(_ column: String) -> String {
            (context.isEmpty ? "" : context + ", ") + "\(word) `\(column)`"
        }
        for (key, value) in fields.text where value.utf8.count > limits.maximumFieldBytes || value.contains("\0") {
            report(line, context: at(key), "`\(key)` is longer than \(limits.maximumFieldBytes) bytes", hint: nil)
            ok = false
        }
        guard ok else { return }
        var iccid: String?
        if let text = fields.text["iccid"] {
            let digits = text.filter { $0 != " " }
            if (18...22).contains(digits.count), digits.allSatisfy({ ("0"..."9").contains($0) }) {
                iccid = digits
            } else {
                report(
                    line,
                    context: at("iccid"),
                    "`\(text)` is not an ICCID",
                    hint: "18 to 22 digits, as printed on the SIM"
                )
                ok = false
            }
        }
        let id = fields.text["id"] ?? iccid
        if let id {
            if !RuleDecoder.isValidID(id) || id.utf8.count > 128 {
                report(
                    line,
                    context: at("id"),
                    "line id `\(id)` may use only a-z, 0-9, '.', '_' and '-' (at most 128)",
                    hint: "put spaces and other letters in `name`"
                )
                ok = false
            }
        } else if ok {
            report(
                line,
                context: context,
                "neither an `id` nor an `iccid`",
                hint: "give the line an id, or its ICCID (the id is then the ICCID's digits)"
            )
            ok = false
        }
        var recipients: [MailAddress] = []
        for text in fields.recipients {
            guard let address = MailAddress(parsing: text) else {
                report(
                    line,
                    context: at("recipients"),
                    "`\(text)` is not a mail address",
                    hint: "write name@example.com; separate several with ';'"
                )
                ok = false
                continue
            }
            recipients.append(address)
        }
        var language: Language?
        if let text = fields.text["language"] {
            language = Language(rawValue: text)
            if language == nil {
                let choices = Language.allCases.map(\.rawValue)
                let hint =
                    Suggestion.nearest(to: text, in: choices).map { "did you mean `\($0)`?" }
                    ?? "one of: \(choices.joined(separator: ", "))"
                report(line, context: at("language"), "`language` = \"\(text)\" is not known", hint: hint)
                ok = false
            }
        }
        let group = fields.text["group"] ?? defaultGroup
        guard ok, let id else { return }
        rows.append(
            InventoryRow(
                id: id,
                iccid: iccid,
                name: fields.text["name"],
                recipients: recipients,
                language: language,
                group: group,
                record: record,
                line: line
            )
        )
    }

    private mutating func report(_ line: Int?, context: String, _ message: String, hint: String?) {
        guard diagnostics.count < limits.maximumDiagnostics else {
            leftOut += 1
            return
        }
        diagnostics.append(ConfigDiagnostic(file: file, line: line, context: context, message: message, hint: hint))
    }
}
