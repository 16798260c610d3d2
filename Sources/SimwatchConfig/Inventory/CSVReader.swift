/// RFC 4180 CSV over UTF-8 bytes: fields separated by commas, records by CRLF or LF, fields in double quotes may hold
/// commas, line breaks and doubled quotes. A UTF-8 byte order mark at the start is skipped, and blank lines are
/// ignored. Refused, each at its record and field, without stopping the rest of the file: invalid UTF-8, NUL and
/// other control characters (a line break inside a quoted field too: a name or address has none), a quote inside
/// an unquoted field, text after a closing quote, and fields longer than the limit. An unterminated quote ends the
/// file there; so does passing the row limit.
package struct CSVReader {
    private let bytes: [UInt8]
    private let limits: InventoryLimits
    private var index = 0
    private var line = 1
    package private(set) var problems: [CSVProblem] = []

    package init(_ bytes: [UInt8], limits: InventoryLimits = InventoryLimits()) {
        self.bytes = bytes
        self.limits = limits
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
    }

    /// Every record that could be read (those with a problem are left out and listed in `problems`).
    package mutating func records() -> [CSVRecord] {
        var out: [CSVRecord] = []
        var number = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "\n") || isCRLF(at: index) {
                skipLineEnd()
                continue
            }
            number += 1
            // The header is record 1; rows follow it.
            if number > limits.maximumRows + 1 {
                problem(number, line, nil, "more than \(limits.maximumRows) rows", hint: "split the inventory")
                return out
            }
            let start = line
            guard let fields = record(number) else {
                if index >= bytes.count { return out }  // an unterminated quote ended the file
                continue
            }
            out.append(CSVRecord(fields: fields, number: number, line: start))
        }
        return out
    }

    /// One record's fields, or nil (after noting why) when one of them is refused; always moves past the record.
    private mutating func record(_ number: Int) -> [String]? {
        let start = line
        var fields: [String] = []
        var refused = false
        while true {
            let fieldNumber = fields.count + 1
            var value: [UInt8] = []
            var tooLong = false
            func add(_ byte: UInt8) {
                if value.count < limits.maximumFieldBytes { value.append(byte) } else { tooLong = true }
            }
            if index < bytes.count, bytes[index] == UInt8(ascii: "\"") {
                index += 1
                var closed = false
                while index < bytes.count {
                    let byte = bytes[index]
                    if byte == UInt8(ascii: "\"") {
                        if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\"") {
                            add(byte)
                            index += 2
                            continue
                        }
                        index += 1
                        closed = true
                        break
                    }
                    if byte == UInt8(ascii: "\n") { line += 1 }
                    add(byte)
                    index += 1
                }
                guard closed else {
                    problem(
                        number,
                        start,
                        fieldNumber,
                        "a quoted field is never closed",
                        hint: "end it with a double quote; a quote inside a field is written twice (\"\")"
                    )
                    return nil
                }
                if index < bytes.count, !isFieldEnd(at: index) {
                    problem(
                        number,
                        start,
                        fieldNumber,
                        "text after the closing quote of a field",
                        hint: "quote the whole field, and write a quote inside it twice (\"\")"
                    )
                    refused = true
                    skipToRecordEnd()
                    break
                }
            } else {
                var quoted = false
                while index < bytes.count, !isFieldEnd(at: index) {
                    if bytes[index] == UInt8(ascii: "\"") { quoted = true }
                    add(bytes[index])
                    index += 1
                }
                if quoted {
                    problem(
                        number,
                        start,
                        fieldNumber,
                        "a double quote inside an unquoted field",
                        hint: "quote the whole field, and write the quote twice (\"\")"
                    )
                    refused = true
                }
            }
            if tooLong {
                problem(
                    number,
                    start,
                    fieldNumber,
                    "a field longer than \(limits.maximumFieldBytes) bytes",
                    hint: "shorten it"
                )
                refused = true
            } else if let text = Self.text(value) {
                fields.append(text)
            } else {
                let hint = "save the file as UTF-8 text"
                if value.contains(0) {
                    problem(number, start, fieldNumber, "a NUL byte in a field", hint: hint)
                } else if value.contains(where: { $0 < 0x20 || $0 == 0x7F }) {
                    problem(
                        number,
                        start,
                        fieldNumber,
                        "a control character (a line break or a tab) in a field",
                        hint: "names, ids and addresses are one line of text"
                    )
                } else {
                    problem(number, start, fieldNumber, "a field that is not valid UTF-8", hint: hint)
                }
                refused = true
            }
            if index < bytes.count, bytes[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            skipLineEnd()
            break
        }
        return refused ? nil : fields
    }

    /// Valid UTF-8 without control characters, else nil.
    private static func text(_ bytes: [UInt8]) -> String? {
        guard !bytes.contains(where: { $0 < 0x20 || $0 == 0x7F }) else { return nil }
        return String(validating: bytes, as: UTF8.self)
    }

    private func isCRLF(at i: Int) -> Bool {
        bytes[i] == UInt8(ascii: "\r") && i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: "\n")
    }

    private func isFieldEnd(at i: Int) -> Bool {
        bytes[i] == UInt8(ascii: ",") || bytes[i] == UInt8(ascii: "\n") || isCRLF(at: i)
    }

    private mutating func skipLineEnd() {
        guard index < bytes.count else { return }
        if bytes[index] == UInt8(ascii: "\r") { index += 1 }
        if index < bytes.count, bytes[index] == UInt8(ascii: "\n") {
            index += 1
            line += 1
        }
    }

    private mutating func skipToRecordEnd() {
        while index < bytes.count, bytes[index] != UInt8(ascii: "\n") { index += 1 }
        skipLineEnd()
    }

    private mutating func problem(_ record: Int, _ line: Int, _ field: Int?, _ message: String, hint: String?) {
        problems.append(CSVProblem(record: record, line: line, field: field, message: message, hint: hint))
    }
}
