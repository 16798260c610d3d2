/// One part of a dotted key (`a`, `"b.c"`, `'d'`) and where it was written; reads keys from the cursor.
struct TOMLKey {
    var name: String
    var position: TOMLPosition

    /// A key at the cursor, maybe dotted: `a`, `a.b`, `"quoted key" . 'literal'`; at most `limits.maxDepth` parts.
    static func dotted(_ cursor: inout TOMLCursor, limits: TOMLLimits) throws(TOMLSyntaxError) -> [TOMLKey] {
        var keys: [TOMLKey] = []
        while true {
            keys.append(try simple(&cursor))
            guard keys.count <= limits.maxDepth else {
                throw cursor.error("the key has more than \(limits.maxDepth) parts")
            }
            cursor.skipWhitespace()
            guard cursor.peek() == .dot else { return keys }
            cursor.advance()
            cursor.skipWhitespace()
        }
    }

    /// One part: bare (letters, digits, `_`, `-`) or a one-line string.
    private static func simple(_ cursor: inout TOMLCursor) throws(TOMLSyntaxError) -> TOMLKey {
        let start = cursor.position()
        guard let byte = cursor.peek() else { throw cursor.error("expected a key, found the end of the file") }
        switch byte {
        case .quote, .apostrophe:
            if cursor.peek(1) == byte, cursor.peek(2) == byte {
                throw cursor.error("a key cannot be a multi-line string")
            }
            let name = byte == .quote ? try TOMLStringReader.basic(&cursor) : try TOMLStringReader.literal(&cursor)
            return TOMLKey(name: name, position: start)
        case _ where byte.isBareKey:
            let from = cursor.index
            while let next = cursor.peek(), next.isBareKey { cursor.advance() }
            return TOMLKey(name: cursor.text(from: from), position: start)
        default:
            throw cursor.error(
                "expected a key (letters, digits, `_` and `-`, or a quoted string), found \(cursor.found())"
            )
        }
    }

    /// A dotted key for messages: bare parts as written, the others quoted.
    static func path(_ keys: some Collection<TOMLKey>) -> String { path([], keys) }

    /// `keys` under the table at `prefix` (a node's path), as a dotted key for messages.
    static func path(_ prefix: [String], _ keys: some Collection<TOMLKey>) -> String {
        (prefix + keys.map(\.name)).map { name in
            !name.isEmpty && name.utf8.allSatisfy(\.isBareKey) ? name : quoted(name)
        }
        .joined(separator: ".")
    }

    private static func quoted(_ name: String) -> String {
        var out = "\""
        for scalar in name.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F: out += "\\u" + hex(scalar.value, width: 4)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
