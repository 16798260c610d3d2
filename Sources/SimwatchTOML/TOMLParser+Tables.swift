extension TOMLParser {
    /// A key, maybe dotted: `a`, `a.b`, `"quoted key" . 'literal'`.
    mutating func parseKey() throws(TOMLSyntaxError) -> [TOMLKey] {
        var keys: [TOMLKey] = []
        while true {
            keys.append(try parseSimpleKey())
            guard keys.count <= limits.maxDepth else {
                throw error("the key has more than \(limits.maxDepth) parts")
            }
            skipWhitespace()
            guard peek() == .dot else { return keys }
            index += 1
            skipWhitespace()
        }
    }

    private mutating func parseSimpleKey() throws(TOMLSyntaxError) -> TOMLKey {
        let start = position()
        guard let byte = peek() else { throw error("expected a key, found the end of the file") }
        switch byte {
        case .quote, .apostrophe:
            if peek(1) == byte, peek(2) == byte { throw error("a key cannot be a multi-line string") }
            let name = byte == .quote ? try parseBasicString() : try parseLiteralString()
            return TOMLKey(name: name, position: start)
        case _ where byte.isBareKey:
            let from = index
            while let next = peek(), next.isBareKey { index += 1 }
            return TOMLKey(name: String(decoding: bytes[from..<index], as: UTF8.self), position: start)
        default:
            throw error(
                "expected a key (letters, digits, `_` and `-`, or a quoted string), found \(found())"
            )
        }
    }

    /// `[a.b]` or `[[a.b]]`: makes its table the current one.
    mutating func parseHeader() throws(TOMLSyntaxError) {
        index += 1
        let isArray = peek() == .openBracket
        if isArray { index += 1 }
        skipWhitespace()
        let keys = try parseKey()
        guard peek() == .closeBracket else {
            throw error("expected `\(isArray ? "]]" : "]")` to close the table header, found \(found())")
        }
        index += 1
        if isArray {
            guard peek() == .closeBracket else {
                throw error("expected `]]` to close the array-of-tables header, found \(found())")
            }
            index += 1
        }
        current = isArray ? try openArrayElement(keys) : try openTable(keys)
    }

    private mutating func openTable(_ keys: [TOMLKey]) throws(TOMLSyntaxError) -> TOMLNode {
        let parent = try walk(to: keys.dropLast(), path: keys)
        guard let last = keys.last else { return root }
        if let existing = parent[last.name] {
            let path = TOMLKey.path(keys)
            switch existing.kind {
            case .table:
                if existing.isExplicit {
                    throw TOMLSyntaxError(
                        "table [\(path)] is defined twice (first at line \(existing.position.line))",
                        at: last.position
                    )
                }
                if existing.isDotted {
                    throw TOMLSyntaxError(
                        "table [\(path)] was already defined by dotted keys at line \(existing.position.line)",
                        at: last.position
                    )
                }
                existing.isExplicit = true
                return existing
            case .arrayOfTables:
                throw TOMLSyntaxError(
                    "[\(path)] is an array of tables ([[\(path)]]), it cannot also be a table",
                    at: last.position
                )
            case .value(let value):
                throw TOMLSyntaxError(
                    "`\(path)` is already \(value.kindDescription) (line \(existing.position.line)), "
                        + "it cannot also be a table",
                    at: last.position
                )
            }
        }
        let table = try makeNode(.table, named: last.name, in: parent, at: last.position)
        table.isExplicit = true
        parent.add(last.name, table)
        return table
    }

    private mutating func openArrayElement(_ keys: [TOMLKey]) throws(TOMLSyntaxError) -> TOMLNode {
        let parent = try walk(to: keys.dropLast(), path: keys)
        guard let last = keys.last else { return root }
        let array: TOMLNode
        if let existing = parent[last.name] {
            let path = TOMLKey.path(keys)
            switch existing.kind {
            case .arrayOfTables:
                array = existing
            case .table:
                throw TOMLSyntaxError(
                    "[\(path)] is already a table (line \(existing.position.line)), it cannot also be an array "
                        + "of tables",
                    at: last.position
                )
            case .value(let value):
                throw TOMLSyntaxError(
                    "`\(path)` is already \(value.kindDescription) (line \(existing.position.line)), "
                        + "it cannot also be an array of tables",
                    at: last.position
                )
            }
        } else {
            array = try makeNode(.arrayOfTables, named: last.name, in: parent, at: last.position)
            parent.add(last.name, array)
        }
        let element = try makeNode(.table, named: nil, in: array, at: last.position)
        element.isExplicit = true
        array.append(element)
        return element
    }

    /// The table a header's leading parts name, made (implicitly) where missing; through an array of tables into
    /// its last element.
    private mutating func walk(
        to parts: ArraySlice<TOMLKey>,
        path: [TOMLKey]
    ) throws(TOMLSyntaxError) -> TOMLNode {
        var node = root
        for (offset, key) in parts.enumerated() {
            guard let child = node[key.name] else {
                let table = try makeNode(.table, named: key.name, in: node, at: key.position)
                node.add(key.name, table)
                node = table
                continue
            }
            switch child.kind {
            case .table:
                node = child
            case .arrayOfTables:
                guard let element = child.lastElement else { return child }
                node = element
            case .value(let value):
                throw TOMLSyntaxError(
                    "`\(TOMLKey.path(path.prefix(offset + 1)))` is already \(value.kindDescription) (line "
                        + "\(child.position.line)), it cannot hold tables",
                    at: key.position
                )
            }
        }
        return node
    }

    /// `key = value`, into `table` (the current table, or an inline table being read).
    mutating func parseKeyValue(into table: TOMLNode) throws(TOMLSyntaxError) {
        let keys = try parseKey()
        guard peek() == .equals else {
            throw error("expected `=` after the key `\(TOMLKey.path(keys))`, found \(found())")
        }
        index += 1
        skipWhitespace()
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
                let made = try makeNode(.table, named: key.name, in: node, at: key.position)
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
        let value = try parseValue(depth: node.depth + 1)
        node.add(
            last.name,
            TOMLNode(kind: .value(value), position: last.position, depth: node.depth + 1, name: last.name)
        )
    }

    mutating func makeNode(
        _ kind: TOMLNode.Kind,
        named name: String?,
        in parent: TOMLNode,
        at position: TOMLPosition
    ) throws(TOMLSyntaxError) -> TOMLNode {
        guard parent.depth < limits.maxDepth else {
            throw TOMLSyntaxError("tables are nested more than \(limits.maxDepth) levels deep", at: position)
        }
        return TOMLNode(kind: kind, position: position, depth: parent.depth + 1, name: name, parent: parent)
    }
}
