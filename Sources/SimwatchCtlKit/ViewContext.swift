public import FoundationEssentials
public import SimwatchModel

/// What every human view needs: the clock and zone, colours, and the terminal's width.
public struct ViewContext: Sendable {
    public var time: TimeFormat
    public var style: TerminalStyle
    /// Columns available; tables shrink their widest text columns to fit, charts fill it.
    public var width: Int

    /// A context showing times in `zone` as of `now`.
    public init(zone: ZoneInfo, now: Date, style: TerminalStyle = .plain, width: Int = 100) {
        time = TimeFormat(zone: zone, now: now)
        self.style = style
        self.width = width
    }

    /// "1 line", "2 lines".
    public static func count(_ n: Int, _ word: String, plural: String? = nil) -> String {
        "\(n) \(n == 1 ? word : plural ?? word + "s")"
    }

    /// Label-and-value lines with the values aligned: "config     /path".
    public func fields(_ pairs: [(String, String)], indent: Int = 0) -> [String] {
        let width = pairs.map { DisplayWidth.of($0.0) }.max() ?? 0
        let margin = String(repeating: " ", count: indent)
        return pairs.map { label, value in
            var line = margin + style.heading(DisplayWidth.padded(label, to: width)) + "  " + value
            while line.last == " " { line.removeLast() }
            return line
        }
    }
}
