/// A TOML 1.0.0 parser over UTF-8 bytes: one pass, no backtracking, so time is linear in the input; nesting is
/// bounded by `TOMLLimits.maxDepth`, so hostile input cannot overflow the stack. Stops at the first error.
///
/// The entry point: it reads the document line by line and hands each line to its part of the grammar, all of
/// which read from one `TOMLCursor`: `TOMLHeaderReader` (`[table]`, `[[array]]`), `TOMLKeyValueReader`
/// (`key = value`), and below them `TOMLValueReader`, `TOMLStringReader`, `TOMLNumberReader` and
/// `TOMLDateTimeReader`.
struct TOMLParser {
    private var cursor: TOMLCursor
    private let limits: TOMLLimits
    private let headers: TOMLHeaderReader
    /// The table that `key = value` lines go into: the last header's.
    private var current: TOMLNode

    init(bytes: [UInt8], limits: TOMLLimits) {
        cursor = TOMLCursor(bytes: bytes)
        self.limits = limits
        let root = TOMLNode(kind: .table, position: TOMLPosition(line: 1, column: 1), depth: 0)
        headers = TOMLHeaderReader(root: root, limits: limits)
        current = root
    }

    /// Parses the whole document.
    mutating func parse() throws(TOMLSyntaxError) -> TOMLTable {
        guard cursor.bytes.count <= limits.maxBytes else {
            throw TOMLSyntaxError(
                line: 1,
                column: 1,
                message: "the document is \(cursor.bytes.count) bytes long, more than the \(limits.maxBytes) allowed"
            )
        }
        try cursor.validateUTF8()
        let keyValues = TOMLKeyValueReader(limits: limits)
        while true {
            cursor.skipWhitespace()
            guard let byte = cursor.peek() else { break }
            switch byte {
            case .hash, .newline, .carriageReturn: break
            case .openBracket: current = try headers.header(&cursor)
            default: try keyValues.keyValue(&cursor, into: current)
            }
            try endOfLine()
        }
        return headers.root.freeze()
    }

    /// After a header or a `key = value`: spaces, maybe a comment, then the end of the line or of the file.
    private mutating func endOfLine() throws(TOMLSyntaxError) {
        cursor.skipWhitespace()
        if cursor.peek() == .hash { try cursor.skipComment() }
        if cursor.peek() == nil || cursor.consumeNewline() { return }
        throw cursor.error("expected the end of the line, found \(cursor.found())")
    }
}
