/// Rows of text in aligned columns, separated by two spaces, with a heading row.
///
/// Widths are measured in terminal columns (`DisplayWidth`), so emoji and colours do not break the alignment.
/// When the table is wider than `maxWidth`, the columns marked `shrinks` are cut (with "…") down to 8 columns.
public struct TextTable: Sendable {
    /// One column: its heading, its alignment, and whether it may be cut to fit.
    public struct Column: Sendable {
        public var title: String
        public var alignRight: Bool
        public var shrinks: Bool

        /// A column headed `title`.
        public init(_ title: String, alignRight: Bool = false, shrinks: Bool = false) {
            self.title = title
            self.alignRight = alignRight
            self.shrinks = shrinks
        }
    }

    public var columns: [Column]
    public private(set) var rows: [[String]] = []

    /// An empty table with these columns.
    public init(_ columns: [Column]) {
        self.columns = columns
    }

    /// Adds a row; missing cells are empty, extra ones are dropped.
    public mutating func append(_ row: [String]) {
        var row = Array(row.prefix(columns.count))
        row += Array(repeating: "", count: columns.count - row.count)
        rows.append(row)
    }

    /// The table as lines without trailing spaces, each starting with `indent` spaces. Headings are upper-case
    /// (as written) and styled with `style.heading`.
    public func render(style: TerminalStyle = .plain, indent: Int = 0, maxWidth: Int = .max) -> [String] {
        var widths = columns.indices.map { index in
            rows.reduce(DisplayWidth.of(columns[index].title)) { max($0, DisplayWidth.of($1[index])) }
        }
        let total = indent + widths.reduce(0, +) + 2 * max(0, columns.count - 1)
        if total > maxWidth {
            var excess = total - maxWidth
            for index in columns.indices.reversed() where columns[index].shrinks && excess > 0 {
                let cut = min(excess, max(0, widths[index] - 8))
                widths[index] -= cut
                excess -= cut
            }
        }
        let margin = String(repeating: " ", count: indent)
        let heading = line(columns.map(\.title), widths: widths)
        var lines = [margin + style.heading(heading)]
        for row in rows {
            lines.append(margin + line(row, widths: widths))
        }
        return lines
    }

    private func line(_ cells: [String], widths: [Int]) -> String {
        var parts: [String] = []
        for (index, cell) in cells.enumerated() {
            let fitted = DisplayWidth.truncated(cell, to: widths[index])
            let last = index == cells.count - 1
            if last && !columns[index].alignRight {
                parts.append(fitted)
            } else {
                parts.append(DisplayWidth.padded(fitted, to: widths[index], right: columns[index].alignRight))
            }
        }
        var text = parts.joined(separator: "  ")
        while text.last == " " { text.removeLast() }
        return text
    }
}
