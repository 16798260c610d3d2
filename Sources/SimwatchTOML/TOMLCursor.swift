/// Where the parser is in the document's bytes, and the lexical pieces every part of the grammar shares: looking
/// ahead, whitespace, line ends, comments, positions and errors that name what was found. A struct the grammar's
/// readers take `inout`, so reading a token allocates nothing and costs what a mutating method did.
struct TOMLCursor {
    let bytes: [UInt8]
    /// The next byte to read.
    private(set) var index = 0
    private(set) var line = 1
    private var lineStart = 0
    /// Columns are counted in scalars from the start of the line; this remembers how far the count got, so that
    /// asking for positions along a long line stays linear.
    private var columnIndex = 0
    private var column = 1

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    func peek(_ offset: Int = 0) -> UInt8? {
        let i = index + offset
        return i < bytes.count ? bytes[i] : nil
    }

    /// Moves past `count` bytes already looked at (never past a line break: `consumeNewline` counts those).
    mutating func advance(_ count: Int = 1) {
        index += count
    }

    /// Whether the next bytes are `word`.
    func matches(_ word: StaticString) -> Bool {
        word.withUTF8Buffer { expected in
            guard index + expected.count <= bytes.count else { return false }
            for k in 0..<expected.count where bytes[index + k] != expected[k] { return false }
            return true
        }
    }

    /// The bytes from `start` up to the cursor, as a string (the input was checked to be UTF-8).
    func text(from start: Int) -> String {
        String(decoding: bytes[start..<index], as: UTF8.self)
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

    /// `message` at the cursor.
    mutating func error(_ message: String) -> TOMLSyntaxError {
        TOMLSyntaxError(message, at: position())
    }

    mutating func skipWhitespace() {
        while let byte = peek(), byte == .space || byte == .tab { index += 1 }
    }

    /// At `\n` or `\r\n` (a lone `\r` is not a line break).
    var isAtNewline: Bool {
        peek() == .newline || (peek() == .carriageReturn && peek(1) == .newline)
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
            if isAtNewline { return }
            if byte.isControl {
                throw error("\(found()) is not allowed in a comment")
            }
            index += 1
        }
    }

    /// Spaces, newlines and comments, as allowed between an array's values.
    mutating func skipWhitespaceAndComments() throws(TOMLSyntaxError) {
        while true {
            skipWhitespace()
            if peek() == .hash {
                try skipComment()
            } else if !consumeNewline() {
                return
            }
        }
    }

    /// The byte at the cursor in words, for messages: "`x`", "the end of the line", "a control character (U+0001)".
    func found() -> String {
        guard let byte = peek() else { return "the end of the file" }
        if isAtNewline { return "the end of the line" }
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
