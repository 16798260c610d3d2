public import FoundationEssentials
import SimwatchModel

/// A terminal chart of data left over time: a Braille line (or block bars) under a y axis in human units and over
/// a time axis with local dates, `width` columns wide in all.
///
/// ```text
///  2.5 GB ┤⠉⠉⠒⠒⠤⣀
///         │      ⠈⠑⠢⢄⡀
///  1.5 GB ┤          ⠈⠉⠒⠤⣀
///     0 B ┤               ⠈⠑⠢
///         └┬──────┬──────┬──────
///          27 Nov 28 Nov 29 Nov
/// ```
public struct HistoryChart: Sendable {
    /// A Braille line (fine, the default) or block-character bars (coarser, readable in any font).
    public enum Style: String, Sendable, CaseIterable {
        case line
        case bars
    }

    /// Data left at one moment; nil where the daemon had no figure (a gap in the line).
    public struct Sample: Sendable, Hashable {
        public var at: Date
        public var bytes: Int64?

        public init(at: Date, bytes: Int64?) {
            self.at = at
            self.bytes = bytes
        }
    }

    public var samples: [Sample]
    /// The time range shown, left edge to right edge.
    public var start: Date
    public var end: Date
    /// Columns in all, axis labels included.
    public var width: Int

    /// The widest chart drawn: `COLUMNS` or `--width` may say anything, and column arithmetic must not overflow.
    public static let maximumWidth = 1000
    /// Rows of the plot at most, axes excluded; the plot uses as many as keep its ticks evenly spaced.
    public var height: Int
    public var style: Style
    /// The y axis reaches at least this (the plan's size), so a nearly empty plan looks nearly empty.
    public var atLeast: Int64?
    /// Zone and clock for the time axis.
    public var time: TimeFormat

    /// A chart of `samples` (any order; samples outside `start...end` are left out).
    public init(
        samples: [Sample],
        start: Date,
        end: Date,
        time: TimeFormat,
        width: Int = 72,
        height: Int = 13,
        style: Style = .line,
        atLeast: Int64? = nil
    ) {
        self.samples = samples.filter { $0.at >= start && $0.at <= end }.sorted { $0.at < $1.at }
        self.start = start
        self.end = max(end, start)
        self.time = time
        self.width = min(width, Self.maximumWidth)
        self.height = max(2, height)
        self.style = style
        self.atLeast = atLeast
    }

    /// The chart, one string per terminal line, without trailing spaces; the plot is painted cyan with colour.
    public func render(style terminal: TerminalStyle = .plain) -> [String] {
        let highest = samples.compactMap(\.bytes).max() ?? 0
        let scale = ByteScale(maximum: max(highest, atLeast ?? 0), maxIntervals: max(1, (height - 1) / 2))
        // Each tick sits on the bottom dot of a row, the same number of rows apart: the plot uses
        // intervals × rowsPerInterval + 1 rows, at most `height`.
        let intervals = scale.ticks.count - 1
        let rowsPerInterval = max(1, (height - 1) / intervals)
        let rows = intervals * rowsPerInterval + 1
        let labels = scale.ticks.map(ByteScale.label)
        let labelWidth = labels.map(DisplayWidth.of).max() ?? 1
        let columns = max(10, width - labelWidth - 2)
        let plot =
            style == .line
            ? lineRows(columns: columns, rows: rows, top: scale.top)
            : barRows(columns: columns, rows: rows, top: scale.top)
        var rowLabels = [String?](repeating: nil, count: rows)
        for (index, label) in labels.enumerated() {
            rowLabels[rows - 1 - index * rowsPerInterval] = label
        }
        var lines: [String] = []
        for (row, cells) in plot.enumerated() {
            let label = DisplayWidth.padded(rowLabels[row] ?? "", to: labelWidth, right: true)
            let axis = rowLabels[row] == nil ? "│" : "┤"
            lines.append("\(label) \(axis)" + terminal.paint(trimmed(cells), .cyan))
        }
        let ticks = TimeTicks.make(start: start, end: end, columns: columns, time: time) {
            column(of: $0, columns: columns)
        }
        var axis = Array(repeating: Character("─"), count: columns)
        var under = Array(repeating: Character(" "), count: columns)
        var nextFree = 0
        for tick in ticks {
            axis[column(of: tick.at, columns: columns)] = "┬"
            let place = { (date: Date) in column(of: date, columns: columns) }
            guard let at = TimeTicks.labelColumn(tick, columns: columns, column: place), at >= nextFree else {
                continue
            }
            for (offset, character) in tick.label.enumerated() { under[at + offset] = character }
            nextFree = at + tick.label.count + 1
        }
        let margin = String(repeating: " ", count: labelWidth + 1)
        lines.append(margin + "└" + String(axis))
        lines.append(trimmed(margin + " " + String(under)))
        return lines
    }

    /// The plot column showing `date`.
    func column(of date: Date, columns: Int) -> Int {
        let span = end.timeIntervalSince(start)
        guard span > 0 else { return 0 }
        let fraction = date.timeIntervalSince(start) / span
        switch style {
        case .line: return min(columns - 1, max(0, Int((fraction * Double(columns * 2 - 1)).rounded()) / 2))
        case .bars: return min(columns - 1, max(0, Int(fraction * Double(columns))))
        }
    }

    /// Rows of Braille cells. A value sits on dot `1 + value / top × 4 (rows - 1)` from the bottom: a tick's
    /// value lands on the middle of its labelled row, where the axis mark "┤" points.
    func lineRows(columns: Int, rows: Int, top: Int64) -> [String] {
        var canvas = BrailleCanvas(columns: columns, rows: rows)
        let span = end.timeIntervalSince(start)
        func dot(_ sample: Sample, _ bytes: Int64) -> (x: Int, y: Int) {
            let fraction = span > 0 ? sample.at.timeIntervalSince(start) / span : 0
            let x = Int((fraction * Double(canvas.pixelWidth - 1)).rounded())
            // The share of the top, clamped so that a figure far outside the scale cannot overflow Int.
            let share = min(max(Double(bytes) / Double(max(top, 1)), -1), 1)
            let y = 1 + Int((share * Double(4 * (rows - 1))).rounded())
            return (x, min(canvas.pixelHeight - 1, max(0, y)))
        }
        var previous: (x: Int, y: Int)?
        for sample in samples {
            guard let bytes = sample.bytes else {
                previous = nil
                continue
            }
            let here = dot(sample, bytes)
            if let previous { canvas.line(from: previous, to: here) } else { canvas.set(x: here.x, y: here.y) }
            previous = here
        }
        return canvas.lines()
    }

    /// Rows of block characters. A value fills `4 + value / top × 8 (rows - 1)` eighths of a row from the bottom, so
    /// a bar as high as a tick ends in the middle of its labelled row; nothing left shows no bar at all.
    func barRows(columns: Int, rows: Int, top: Int64) -> [String] {
        let eighths = (0..<columns).map { column -> Int? in
            value(inColumn: column, of: columns).map {
                $0 > 0 ? 4 + Int((min($0 / Double(max(top, 1)), 1) * Double(8 * (rows - 1))).rounded()) : 0
            }
        }
        let blocks: [Character] = [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
        return (0..<rows).map { row in
            let fromBottom = rows - 1 - row
            return String(
                eighths.map { level -> Character in
                    guard let level else { return " " }
                    return blocks[min(8, max(0, level - fromBottom * 8))]
                }
            )
        }
    }

    /// Data left shown by a bar: the last figure within its slice of time, else the line between the figures
    /// around it; nil outside the figures or across a gap.
    func value(inColumn column: Int, of columns: Int) -> Double? {
        let span = end.timeIntervalSince(start)
        let sliceStart = start.addingTimeInterval(span * Double(column) / Double(columns))
        let sliceEnd = start.addingTimeInterval(span * Double(column + 1) / Double(columns))
        if let inside = samples.last(where: { $0.at >= sliceStart && $0.at < sliceEnd }) {
            return inside.bytes.map(Double.init)
        }
        let middle = sliceStart.addingTimeInterval(sliceEnd.timeIntervalSince(sliceStart) / 2)
        guard let after = samples.firstIndex(where: { $0.at > middle }), after > 0,
            let a = samples[after - 1].bytes, let b = samples[after].bytes
        else { return nil }
        let left = samples[after - 1].at
        let progress = middle.timeIntervalSince(left) / samples[after].at.timeIntervalSince(left)
        return Double(a) + (Double(b) - Double(a)) * progress
    }

    private func trimmed(_ text: String) -> String {
        var text = text
        while text.last == " " { text.removeLast() }
        return text
    }
}
