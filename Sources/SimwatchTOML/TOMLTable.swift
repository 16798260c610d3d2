/// A TOML table: keys in the order the document gives them, each with its value and the position where it was
/// defined (the key itself, or the `[header]` that opened a table), so errors about values can name a line.
public struct TOMLTable: Sendable, Hashable {
    /// One key's value and where the key was defined.
    public struct Entry: Sendable, Hashable {
        public var value: TOMLValue
        public var position: TOMLPosition
    }

    /// The keys, in document order.
    public private(set) var keys: [String]
    private var entries: [String: Entry]
    /// Where the table was opened: its header, its key, or the `{` of an inline table; nil for the document itself.
    public let position: TOMLPosition?

    init(keys: [String], entries: [String: Entry], position: TOMLPosition?) {
        self.keys = keys
        self.entries = entries
        self.position = position
    }

    public var count: Int { keys.count }
    public var isEmpty: Bool { keys.isEmpty }

    public subscript(key: String) -> TOMLValue? { entries[key]?.value }

    public func contains(key: String) -> Bool { entries[key] != nil }

    /// Where `key` was defined, or nil when the table has no such key.
    public func position(of key: String) -> TOMLPosition? { entries[key]?.position }
}

extension TOMLTable {
    /// This table with `key` set to `value` (replacing any value it had), defined where the table itself is: a
    /// template filled in per use, such as a group's `[groups.NAME.provider]` given each inventory row's ICCID.
    public func setting(_ key: String, to value: TOMLValue) -> TOMLTable {
        var entries = self.entries
        var keys = self.keys
        if entries[key] == nil { keys.append(key) }
        entries[key] = Entry(value: value, position: position ?? TOMLPosition(line: 1, column: 1))
        return TOMLTable(keys: keys, entries: entries, position: position)
    }

    /// This table without `removed` (their entries and their place in the order).
    public func removing(_ removed: Set<String>) -> TOMLTable {
        var entries = self.entries
        for key in removed { entries[key] = nil }
        return TOMLTable(keys: keys.filter { !removed.contains($0) }, entries: entries, position: position)
    }

    /// This table with `other`'s keys that it lacks added after its own, each keeping the position where `other`
    /// defined it (so a message about it still names the right line). Keys of both keep this table's value.
    public func merging(_ other: TOMLTable) -> TOMLTable {
        var keys = self.keys
        var entries = self.entries
        for key in other.keys where entries[key] == nil {
            guard let entry = other.entries[key] else { continue }
            keys.append(key)
            entries[key] = entry
        }
        return TOMLTable(keys: keys, entries: entries, position: position)
    }
}
