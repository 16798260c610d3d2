/// Colours for human output: only on a terminal, never with `NO_COLOR`, `TERM=dumb` or `--no-color`.
public struct TerminalStyle: Sendable, Hashable {
    /// Whether escape sequences are written at all.
    public var colour: Bool

    /// A style that colours or not.
    public init(colour: Bool) {
        self.colour = colour
    }

    /// No escape sequences: for pipes, files and tests.
    public static let plain = TerminalStyle(colour: false)

    /// Colour when stdout is a terminal, `NO_COLOR` is unset or empty (no-color.org), `TERM` is not "dumb" and
    /// `--no-color` was not given.
    public static func decide(isTTY: Bool, environment: [String: String], noColorFlag: Bool) -> TerminalStyle {
        let noColor = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        return TerminalStyle(colour: isTTY && !noColor && !noColorFlag && environment["TERM"] != "dumb")
    }

    /// SGR codes used here.
    public enum Paint: String, Sendable {
        case bold = "1"
        case dim = "2"
        case red = "31"
        case boldRed = "1;31"
        case green = "32"
        case yellow = "33"
        case boldYellow = "1;33"
        case cyan = "36"
    }

    /// `text` wrapped in the escape sequence for `paint`, or unchanged without colour.
    public func paint(_ text: String, _ paint: Paint) -> String {
        guard colour, !text.isEmpty else { return text }
        return "\u{1B}[\(paint.rawValue)m\(text)\u{1B}[0m"
    }

    /// A severity word in its colour: critical red, warning yellow, info cyan.
    public func severity(_ severity: String, text: String? = nil) -> String {
        let shown = text ?? severity
        switch severity {
        case "critical": return paint(shown, .boldRed)
        case "warning": return paint(shown, .boldYellow)
        case "info": return paint(shown, .cyan)
        default: return shown
        }
    }

    /// Table headings and section titles.
    public func heading(_ text: String) -> String { paint(text, .bold) }

    /// Secondary detail: sources, ids.
    public func secondary(_ text: String) -> String { paint(text, .dim) }

    /// "ok" in green.
    public func good(_ text: String) -> String { paint(text, .green) }

    /// Errors and dead reminders in red.
    public func bad(_ text: String) -> String { paint(text, .red) }
}
