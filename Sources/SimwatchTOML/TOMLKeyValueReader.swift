/// `key = value` lines, in the document's current table or inside an inline table. A dotted key (`a.b.c = 1`)
/// defines the tables on its way, which a later header may then not define again, and may not add to a table a
/// header defined, an array of tables or an inline table.
struct TOMLKeyValueReader {
    let limits: TOMLLimits

    /// `key = value`, into `table` (the current table, or an inline table being read).
    func keyValue(_ cursor: inout TOMLCursor, into table: TOMLNode) throws(TOMLSyntaxError) {
        let keys = try TOMLKey.dotted(&cursor, limits: limits)
        guard cursor.peek() == .equals else {
            throw cursor.error("expected `=` after the key `\(TOMLKey.path(keys))`, found \(cursor.found())")
        }
        cursor.advance()
        cursor.skipWhitespace()
        var node = table
        for (offset, key) in keys.dropLast().enumerated() {
            if let child = node[key.name] {
                let path = TOMLKey.path(table.path, keys.prefix(offset + 1))
                switch child.kind {
                case .table:
                    if child.isExplicit {
                        throw TOMLSyntaxError(
                            "table [\(path)] is defined by its header at line \(child.position.line); dotted keys "
                                + "cannot add to it",
                            at: key.position
                        )
                    }
                    node = child
                case .arrayOfTables:
                    throw TOMLSyntaxError(
                        "`\(path)` is an array of tables ([[\(path)]]); dotted keys cannot add to it",
                        at: key.position
                    )
                case .value(let value):
                    let what = value.table != nil ? "an inline table, which cannot be extended" : value.kindDescription
                    throw TOMLSyntaxError(
                        "`\(path)` is already \(what) (line \(child.position.line))",
                        at: key.position
                    )
                }
            } else {
                let made = try node.makeChild(.table, named: key.name, at: key.position, limits: limits)
                node.add(key.name, made)
                node = made
            }
            node.isDotted = true
        }
        guard let last = keys.last else { return }
        if let existing = node[last.name] {
            throw TOMLSyntaxError(
                "duplicate key `\(TOMLKey.path(table.path, keys))` (first defined at line \(existing.position.line))",
                at: last.position
            )
        }
        let value = try TOMLValueReader(limits: limits).value(&cursor, depth: node.depth + 1)
        node.add(
            last.name,
            TOMLNode(kind: .value(value), position: last.position, depth: node.depth + 1, name: last.name)
        )
    }
}
