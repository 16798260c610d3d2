/// A compiled template: text, interpolations and sections holding their own nodes. Positions stay for the errors
/// that rendering can raise.
indirect enum MustacheNode: Sendable {
    case text(String, line: Int, column: Int)
    case variable(MustacheName, escaped: Bool, line: Int, column: Int)
    case section(MustacheName, inverted: Bool, children: [MustacheNode], line: Int, column: Int)

    var position: (line: Int, column: Int) {
        switch self {
        case .text(_, let line, let column), .variable(_, _, let line, let column),
            .section(_, _, _, let line, let column):
            (line, column)
        }
    }
}
