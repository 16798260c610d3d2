import Glibc
import SimwatchCtlKit

/// Facts about stdout, and unbuffered-enough printing for streams.
enum Terminal {
    /// Whether stdout is a terminal.
    static var isTTY: Bool { isatty(1) == 1 }

    /// The width of the terminal on stdout, or `COLUMNS`; nil in a pipe without `COLUMNS`.
    static var width: Int? {
        if let columns = CommonOptions.environment["COLUMNS"].flatMap({ Int($0) }), columns > 0 {
            return columns
        }
        guard isTTY else { return nil }
        var size = winsize()
        guard ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }

    /// Prints lines to stdout.
    static func print(_ lines: [String]) {
        for line in lines { Swift.print(line) }
    }

    /// Pushes buffered stdout out, so a pipe sees each event as it comes.
    static func flush() {
        // nil flushes every output stream, and avoids touching the C `stdout` global from Swift 6.
        fflush(nil)
    }
}
