/// A TOML 1.0.0 parser over UTF-8 bytes: one pass, no backtracking, so time is linear in the input; nesting is
/// bounded by `TOMLLimits.maxDepth`, so hostile input cannot overflow the stack. Stops at the first error.
struct TOMLParser {
    let bytes: [UInt8]
    let limits: TOMLLimits
    var index = 0
    var line = 1
    var lineStart = 0
    /// Columns are counted in scalars from the start of the line; this remembers how far the count got, so that
    /// asking for positions along a long line stays linear.
    private var columnIndex = 0
    private var column = 1
    let root: TOMLNode
    /// The table that `key = value` lines go into: the last header's.
    var current: TOMLNode

    init(bytes: [UInt8], limits: TOMLLimits) {
        self.bytes = bytes
        self.limits = limits
        root = TOMLNode(kind: .table, position: TOMLPosition(line: 1, column: 1), depth: 0)
        current = root
    }

    /// Parses the whole document.
    mutating func parse() throws(TOMLSyntaxError) -> TOMLTable {
        guard bytes.count <= limits.maxBytes else {
            throw TOMLSyntaxError(
                line: 1,
                column: 1,
                message: "the document is \(bytes.count) bytes long, more than the \(limits.maxBytes) allowed"
            )
        }
        try validateUTF8()
        while true {
            skipWhitespace()
            guard let byte = peek() else { break }
            switch byte {
            case .hash, .newline, .carriageReturn: break
            case .openBracket: try parseHeader()
            default: try parseKeyValue(into: current)
            }
            try endOfLine()
        }
        return root.freeze()
    }

    // MARK: Cursor

    func peek(_ offset: Int = 0) -> UInt8? {
        let i = index + offset
        return i < bytes.count ? bytes[i] : nil
    }

    mutating func position() -> TOMLPosition {
        if columnIndex < lineStart || columnIndex > index {
            columnIndex = lineStart
            column = 1
        }
        while columnIndex < index {
            if bytes[columnIndex] & 0xC0 != 0x80 { column += 1 }
            columnIndex += 1
        }
        return TOMLPosition(line: line, column: column)
    }

    mutating func error(_ message: String) -> TOMLSyntaxError {
        TOMLSyntaxError(message, at: position())
    }

    mutating func skipWhitespace() {
        while let byte = peek(), byte == .space || byte == .tab { index += 1 }
    }

    /// Consumes `\n` or `\r\n`; false (and nothing consumed) otherwise.
    mutating func consumeNewline() -> Bool {
        if peek() == .newline {
            index += 1
        } else if peek() == .carriageReturn, peek(1) == .newline {
            index += 2
        } else {
            return false
        }
        line += 1
        lineStart = index
        return true
    }

    /// A `#` comment up to (not including) the end of its line.
    mutating func skipComment() throws(TOMLSyntaxError) {
        index += 1
        while let byte = peek() {
            if byte == .newline || (byte == .carriageReturn && peek(1) == .newline) { return }
            if byte.isControl {
                throw error("\(found()) is not allowed in a comment")
            }
            index += 1
        }
    }

    /// After a header or a `key = value`: spaces, maybe a comment, then the end of the line or of the file.
    mutating func endOfLine() throws(TOMLSyntaxError) {
        skipWhitespace()
        if peek() == .hash { try skipComment() }
        if peek() == nil || consumeNewline() { return }
        throw error("expected the end of the line, found \(found())")
    }

    /// The byte at the cursor in words, for messages: "`x`", "the end of the line", "a control character (U+0001)".
    func found() -> String {
        guard let byte = peek() else { return "the end of the file" }
        if byte == .newline || (byte == .carriageReturn && peek(1) == .newline) { return "the end of the line" }
        if byte.isControl { return "a control character (U+\(hex(UInt32(byte), width: 4)))" }
        if byte < 0x80 { return "`\(Character(Unicode.Scalar(byte)))`" }
        var decoder = UTF8()
        var iterator = bytes[index...].makeIterator()
        if case .scalarValue(let scalar) = decoder.decode(&iterator) { return "`\(Character(scalar))`" }
        return "an invalid byte"
    }
}

/// `value` in upper-case hexadecimal, zero-padded to `width` digits.
func hex(_ value: UInt32, width: Int) -> String {
    let digits = String(value, radix: 16, uppercase: true)
    return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
}
