/// Cuts a template into tokens, following set-delimiter tags as it goes. Works on UTF-8 bytes: delimiters are whole
/// byte sequences, so every cut falls between characters.
struct MustacheScanner {
    private let bytes: [UInt8]
    private var open: [UInt8] = Array("{{".utf8)
    private var close: [UInt8] = Array("}}".utf8)
    private var tokens: [MustacheToken] = []
    // Line bookkeeping up to `tracked`: positions are asked for in increasing order.
    private var tracked = 0
    private var line = 1
    private var column = 1

    private init(_ source: String) { bytes = Array(source.utf8) }

    static func scan(_ source: String) throws(MustacheError) -> [MustacheToken] {
        var scanner = MustacheScanner(source)
        try scanner.run()
        return scanner.tokens
    }

    private mutating func run() throws(MustacheError) {
        var pos = 0
        while pos < bytes.count {
            guard let start = find(open, from: pos) else {
                emitText(from: pos, to: bytes.count)
                break
            }
            emitText(from: pos, to: start)
            pos = try tag(at: start)
        }
    }

    /// Scans the tag that starts at `start`; returns where the text after it begins.
    private mutating func tag(at start: Int) throws(MustacheError) -> Int {
        let (line, column) = position(of: start)
        func failure(_ message: String) -> MustacheError { MustacheError(message, line: line, column: column) }
        var inner = start + open.count
        var closing = close
        let kind: MustacheToken.Kind
        switch inner < bytes.count ? bytes[inner] : 0 {
        case UInt8(ascii: "{"):
            kind = .variable(escaped: false)
            closing = [UInt8(ascii: "}")] + close
        case UInt8(ascii: "&"): kind = .variable(escaped: false)
        case UInt8(ascii: "#"): kind = .sectionOpen(inverted: false)
        case UInt8(ascii: "^"): kind = .sectionOpen(inverted: true)
        case UInt8(ascii: "/"): kind = .sectionClose
        case UInt8(ascii: "!"): kind = .comment
        case UInt8(ascii: "="):
            kind = .delimiters
            closing = [UInt8(ascii: "=")] + close
        case UInt8(ascii: ">"):
            let name = find(close, from: inner + 1).map { text(bytes[(inner + 1)..<$0]).trimming } ?? ""
            throw failure("`\(text(open))>\(name)\(text(close))`: partials are not supported")
        case UInt8(ascii: "<"), UInt8(ascii: "$"): throw failure("template inheritance is not supported")
        default:
            kind = .variable(escaped: true)
            inner -= 1  // no sigil to skip
        }
        inner += 1
        guard let end = find(closing, from: inner) else {
            throw failure("tag is never closed: no `\(text(closing))` after `\(text(open))`")
        }
        let after = end + closing.count
        let content = text(bytes[inner..<end]).trimming
        switch kind {
        case .comment: break
        case .delimiters:
            let parts = content.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" })
            guard parts.count == 2, !parts.contains(where: { $0.contains("=") }) else {
                throw failure(
                    "a set-delimiter tag takes two delimiters without `=` separated by a space, as in `{{=<% %>=}}`"
                )
            }
            open = Array(parts[0].utf8)
            close = Array(parts[1].utf8)
        default:
            guard !content.isEmpty else { throw failure("empty tag: a tag needs a name") }
            if content.contains("(") { throw failure("`\(content)`: functions in tags are not supported") }
            guard MustacheName(content) != nil else {
                throw failure("`\(content)` is not a name: use `.` or keys joined by dots, without spaces")
            }
        }
        tokens.append(MustacheToken(kind: kind, content: content, line: line, column: column))
        return after
    }

    /// Text from `start` to `end`, one token per line.
    private mutating func emitText(from start: Int, to end: Int) {
        var pieceStart = start
        var i = start
        while i < end {
            if bytes[i] == 0x0A || i == end - 1 {
                let (line, column) = position(of: pieceStart)
                let piece = text(bytes[pieceStart...i])
                tokens.append(MustacheToken(kind: .text, content: piece, line: line, column: column))
                pieceStart = i + 1
            }
            i += 1
        }
    }

    /// 1-based line and column (in Unicode scalars) of byte `index`.
    private mutating func position(of index: Int) -> (line: Int, column: Int) {
        while tracked < index {
            if bytes[tracked] == 0x0A {
                line += 1
                column = 1
            } else if bytes[tracked] & 0xC0 != 0x80 {
                // Every scalar has exactly one byte that is not a continuation byte (10xxxxxx).
                column += 1
            }
            tracked += 1
        }
        return (line, column)
    }

    private func find(_ needle: [UInt8], from start: Int) -> Int? {
        guard let first = needle.first, needle.count <= bytes.count else { return nil }
        var i = start
        let last = bytes.count - needle.count
        while i <= last {
            if bytes[i] == first, bytes[i..<i + needle.count].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }

    private func text(_ slice: some Collection<UInt8>) -> String { String(decoding: slice, as: UTF8.self) }
}

extension String {
    /// Without leading and trailing spaces, tabs and line breaks.
    fileprivate var trimming: String {
        let blank: (Unicode.Scalar) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !blank($0) }),
            let last = scalars.lastIndex(where: { !blank($0) })
        else { return "" }
        return String(scalars[first...last])
    }
}
