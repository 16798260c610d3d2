/// A grid of terminal cells, each a 2 × 4 block of Braille dots (U+2800 ...), for drawing lines at twice the
/// horizontal and four times the vertical resolution of text.
public struct BrailleCanvas: Sendable, Hashable {
    /// Size in cells.
    public let columns: Int
    public let rows: Int
    private var bits: [UInt8]

    /// An empty canvas of `columns` × `rows` cells.
    public init(columns: Int, rows: Int) {
        self.columns = max(1, columns)
        self.rows = max(1, rows)
        bits = Array(repeating: 0, count: self.columns * self.rows)
    }

    /// Dots across.
    public var pixelWidth: Int { columns * 2 }
    /// Dots down.
    public var pixelHeight: Int { rows * 4 }

    /// Sets the dot at `x` (0 = left) and `y` (0 = bottom); dots outside the canvas are ignored.
    public mutating func set(x: Int, y: Int) {
        guard x >= 0, x < pixelWidth, y >= 0, y < pixelHeight else { return }
        let fromTop = pixelHeight - 1 - y
        let cell = (fromTop / 4) * columns + x / 2
        bits[cell] |= Self.dot[x % 2][fromTop % 4]
    }

    /// Whether the dot at `x`, `y` is set.
    public func isSet(x: Int, y: Int) -> Bool {
        guard x >= 0, x < pixelWidth, y >= 0, y < pixelHeight else { return false }
        let fromTop = pixelHeight - 1 - y
        return bits[(fromTop / 4) * columns + x / 2] & Self.dot[x % 2][fromTop % 4] != 0
    }

    /// A straight line between two dots, every step filled so steep jumps stay connected.
    public mutating func line(from start: (x: Int, y: Int), to end: (x: Int, y: Int)) {
        let (a, b) = start.x <= end.x ? (start, end) : (end, start)
        if a.x == b.x {
            for y in min(a.y, b.y)...max(a.y, b.y) { set(x: a.x, y: y) }
            return
        }
        var previous = a.y
        for x in a.x...b.x {
            let progress = Double(x - a.x) / Double(b.x - a.x)
            let y = Int((Double(a.y) + Double(b.y - a.y) * progress).rounded())
            // Fill up from the previous column's height, so a drop of many dots in one column is a wall, not a gap.
            for fill in min(previous, y)...max(previous, y) { set(x: x, y: fill) }
            previous = y
        }
    }

    /// Each row of cells as text; an empty cell is a space.
    public func lines() -> [String] {
        (0..<rows).map { row in
            String(
                (0..<columns).map { column in
                    let value = bits[row * columns + column]
                    return value == 0 ? " " : Character(Unicode.Scalar(0x2800 + UInt32(value))!)
                }
            )
        }
    }

    // Bit of each dot: [column][row from the top], as the Braille block numbers them.
    private static let dot: [[UInt8]] = [[0x01, 0x02, 0x04, 0x40], [0x08, 0x10, 0x20, 0x80]]
}
