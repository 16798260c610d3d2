/// Finds the table headers that would abort the process inside TOMLKit before it parses them.
///
/// toml++ (vendored by TOMLKit 0.6.0) asserts, in release builds too, that a table header's name starts with a
/// bare-key character or a quote, and aborts on `[é]`, `[[[1]]]`, `[[=` or a `[` alone on its line instead of
/// reporting a syntax error (found by Fuzz/, fixed upstream in marzer/tomlplusplus#301). A configuration with such a
/// typo must get an error with its line, not kill the daemon. The scan follows strings, comments and multi-line arrays
/// so that a `[` inside a value is never taken for a header: a valid file is never refused.
enum TableHeaderCheck {
    /// The diagnostic for the first header toml++ would abort on, or nil.
    static func diagnostic(in text: String, file: String) -> ConfigDiagnostic? {
        guard let line = firstBadHeaderLine(in: text) else { return nil }
        return ConfigDiagnostic(
            file: file,
            line: line,
            context: "",
            message: "TOML syntax error: a table name must start with a letter, a digit, `_`, `-` or a quote",
            hint: "write the header as [name] or [\"any name\"]"
        )
    }

    /// The 1-based line of the first table header whose name starts with anything else, or nil.
    static func firstBadHeaderLine(in text: String) -> Int? {
        var scanner = Scanner(Array(text.unicodeScalars))
        return scanner.firstBadHeaderLine()
    }

    private struct Scanner {
        let scalars: [Unicode.Scalar]
        var index = 0
        var line = 1
        /// Open `[` and `{` of the current value.
        var depth = 0

        init(_ scalars: [Unicode.Scalar]) {
            self.scalars = scalars
        }

        func peek(_ offset: Int = 0) -> Unicode.Scalar? {
            index + offset < scalars.count ? scalars[index + offset] : nil
        }

        mutating func advance() {
            if scalars[index] == "\n" { line += 1 }
            index += 1
        }

        mutating func firstBadHeaderLine() -> Int? {
            var atLineStart = true
            while let c = peek() {
                if atLineStart && depth == 0 && (c == " " || c == "\t") {
                    advance()
                } else if atLineStart && depth == 0 && c == "[" {
                    if headerIsBad() { return line }
                    skipLine()
                } else if c == "\n" {
                    advance()
                    atLineStart = depth == 0
                } else {
                    atLineStart = false
                    skipToken()
                }
            }
            return nil
        }

        /// At a header's `[`: what toml++ checks before `parse_key`, whose precondition it asserts.
        mutating func headerIsBad() -> Bool {
            advance()
            let hadSpace = skipSpaces()
            if peek() == "[" {
                if hadSpace { return false }  // toml++ reports "[ [" itself.
                advance()
                skipSpaces()
            }
            guard let c = peek(), c != "]" else { return false }  // Reported by toml++ too.
            return !(Self.isBareKeyCharacter(c) || c == "\"" || c == "'")
        }

        @discardableResult
        mutating func skipSpaces() -> Bool {
            var skipped = false
            while let c = peek(), c == " " || c == "\t" {
                advance()
                skipped = true
            }
            return skipped
        }

        mutating func skipLine() {
            while let c = peek(), c != "\n" { advance() }
        }

        /// One character of a key or value, or a whole string or comment.
        mutating func skipToken() {
            guard let c = peek() else { return }
            switch c {
            case "#":
                skipLine()
            case "\"", "'":
                skipString(quote: c)
            case "[", "{":
                depth += 1
                advance()
            case "]", "}":
                depth = max(0, depth - 1)
                advance()
            default:
                advance()
            }
        }

        mutating func skipString(quote: Unicode.Scalar) {
            let multiLine = peek(1) == quote && peek(2) == quote
            if multiLine {
                advance()
                advance()
                advance()
            } else {
                advance()
            }
            while let c = peek() {
                if c == "\\" && quote == "\"" {
                    advance()
                    if peek() != nil { advance() }
                } else if c == quote && (!multiLine || (peek(1) == quote && peek(2) == quote)) {
                    // A multi-line string may end with up to two more quotes: `""""` is a quote then the end.
                    var run = 0
                    while peek() == quote && run < (multiLine ? 5 : 1) {
                        advance()
                        run += 1
                    }
                    return
                } else if c == "\n" && !multiLine {
                    return  // Unterminated: toml++ reports it.
                } else {
                    advance()
                }
            }
        }

        static func isBareKeyCharacter(_ c: Unicode.Scalar) -> Bool {
            ("a"..."z").contains(c) || ("A"..."Z").contains(c) || ("0"..."9").contains(c) || c == "_" || c == "-"
        }
    }
}
