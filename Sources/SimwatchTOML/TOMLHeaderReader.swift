/// `[a.b]` and `[[a.b]]` headers: find or make the table a header names, under the document's `root`. A table is
/// defined once, by one header or by dotted keys; an array of tables gains an element at each of its headers.
struct TOMLHeaderReader {
    let root: TOMLNode
    let limits: TOMLLimits

    /// Reads a header at its `[` and returns the table that the `key = value` lines after it go into.
    func header(_ cursor: inout TOMLCursor) throws(TOMLSyntaxError) -> TOMLNode {
        cursor.advance()
        let isArray = cursor.peek() == .openBracket
        if isArray { cursor.advance() }
        cursor.skipWhitespace()
        let keys = try TOMLKey.dotted(&cursor, limits: limits)
        guard cursor.peek() == .closeBracket else {
            throw cursor.error(
                "expected `\(isArray ? "]]" : "]")` to close the table header, found \(cursor.found())"
            )
        }
        cursor.advance()
        if isArray {
            guard cursor.peek() == .closeBracket else {
                throw cursor.error("expected `]]` to close the array-of-tables header, found \(cursor.found())")
            }
            cursor.advance()
        }
        return isArray ? try openArrayElement(keys) : try openTable(keys)
    }

    private func openTable(_ keys: [TOMLKey]) throws(TOMLSyntaxError) -> TOMLNode {
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
                throw Self.alreadyAValue(path, value, existing, cannotAlsoBe: "a table", at: last.position)
            }
        }
        let table = try parent.makeChild(.table, named: last.name, at: last.position, limits: limits)
        table.isExplicit = true
        parent.add(last.name, table)
        return table
    }

    private func openArrayElement(_ keys: [TOMLKey]) throws(TOMLSyntaxError) -> TOMLNode {
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
                throw Self.alreadyAValue(path, value, existing, cannotAlsoBe: "an array of tables", at: last.position)
            }
        } else {
            array = try parent.makeChild(.arrayOfTables, named: last.name, at: last.position, limits: limits)
            parent.add(last.name, array)
        }
        let element = try array.makeChild(.table, named: nil, at: last.position, limits: limits)
        element.isExplicit = true
        array.append(element)
        return element
    }

    /// The table a header's leading parts name, made (implicitly) where missing; through an array of tables into
    /// its last element.
    private func walk(to parts: ArraySlice<TOMLKey>, path: [TOMLKey]) throws(TOMLSyntaxError) -> TOMLNode {
        var node = root
        for (offset, key) in parts.enumerated() {
            guard let child = node[key.name] else {
                let table = try node.makeChild(.table, named: key.name, at: key.position, limits: limits)
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

    /// A header naming a key that `key = value` already gave a value.
    private static func alreadyAValue(
        _ path: String,
        _ value: TOMLValue,
        _ existing: TOMLNode,
        cannotAlsoBe what: String,
        at position: TOMLPosition
    ) -> TOMLSyntaxError {
        TOMLSyntaxError(
            "`\(path)` is already \(value.kindDescription) (line \(existing.position.line)), it cannot also be \(what)",
            at: position
        )
    }
}
