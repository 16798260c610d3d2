/// A table being built. Headers and dotted keys reopen tables already made, so the document is first built from
/// these mutable nodes, which remember how each table was defined, then frozen into `TOMLTable` values.
final class TOMLNode {
    enum Kind {
        case table
        /// `[[name]]`: `elements` holds one table per header.
        case arrayOfTables
        /// Any value written after `=`, inline tables and arrays included: never extended later.
        case value(TOMLValue)
    }

    let kind: Kind
    let position: TOMLPosition
    /// Tables above this node (the document is 0): bounds the recursion of `freeze`.
    let depth: Int
    /// The key this node is under (nil for the document, an array's element, or an inline table being read), and
    /// the node above: the full path of a table is only needed for an error, so it is not stored.
    let name: String?
    private(set) weak var parent: TOMLNode?
    private(set) var keys: [String] = []
    private(set) var children: [String: TOMLNode] = [:]
    private(set) var elements: [TOMLNode] = []
    /// Defined by a `[header]` or `[[header]]`: another header, or a dotted key, may not define it again.
    var isExplicit = false
    /// Defined by dotted keys (`a.b = 1` defines `a`): no header may define it later.
    var isDotted = false

    init(kind: Kind, position: TOMLPosition, depth: Int, name: String? = nil, parent: TOMLNode? = nil) {
        self.kind = kind
        self.position = position
        self.depth = depth
        self.name = name
        self.parent = parent
    }

    /// The keys from the document (or the inline table) down to this node.
    var path: [String] {
        var names: [String] = []
        var node: TOMLNode? = self
        while let current = node {
            if let name = current.name { names.append(name) }
            node = current.parent
        }
        return names.reversed()
    }

    subscript(key: String) -> TOMLNode? { children[key] }

    func add(_ key: String, _ node: TOMLNode) {
        keys.append(key)
        children[key] = node
    }

    func append(_ element: TOMLNode) { elements.append(element) }

    /// A new node one level below this one (not yet added): an error at `position` past `limits.maxDepth`.
    func makeChild(
        _ kind: Kind,
        named name: String?,
        at position: TOMLPosition,
        limits: TOMLLimits
    ) throws(TOMLSyntaxError) -> TOMLNode {
        guard depth < limits.maxDepth else {
            throw TOMLSyntaxError("tables are nested more than \(limits.maxDepth) levels deep", at: position)
        }
        return TOMLNode(kind: kind, position: position, depth: depth + 1, name: name, parent: self)
    }

    var lastElement: TOMLNode? { elements.last }

    /// The finished table. Recursion is bounded by the parser's depth limit.
    func freeze() -> TOMLTable {
        var entries: [String: TOMLTable.Entry] = [:]
        entries.reserveCapacity(keys.count)
        for key in keys {
            guard let child = children[key] else { continue }
            entries[key] = TOMLTable.Entry(value: child.frozenValue(), position: child.position)
        }
        return TOMLTable(keys: keys, entries: entries, position: depth == 0 ? nil : position)
    }

    private func frozenValue() -> TOMLValue {
        switch kind {
        case .table: .table(freeze())
        case .arrayOfTables: .array(elements.map { .table($0.freeze()) })
        case .value(let value): value
        }
    }
}
