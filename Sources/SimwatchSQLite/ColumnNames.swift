/// The column names of a result, shared by all its rows so that each row is only its values.
final class ColumnNames: Sendable {
    let names: [String]
    /// Name to index; the leftmost column wins when a name repeats (as in `SELECT *` over a join).
    private let exact: [String: Int]
    /// The same, lowercased: SQL names are case-insensitive.
    private let folded: [String: Int]

    init(_ names: [String]) {
        self.names = names
        var exact: [String: Int] = [:]
        var folded: [String: Int] = [:]
        for (index, name) in names.enumerated() {
            if exact[name] == nil { exact[name] = index }
            if folded[name.lowercased()] == nil { folded[name.lowercased()] = index }
        }
        self.exact = exact
        self.folded = folded
    }

    func index(of name: String) -> Int? { exact[name] ?? folded[name.lowercased()] }
}
