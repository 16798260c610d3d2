import Glibc
import SimwatchCore

/// How reminders and readings look on a terminal: aligned, with colour only on a TTY and never with `NO_COLOR`.
package struct ConsoleStyle: Sendable {
    package let colour: Bool

    package init(fd: Int32 = 2) {
        colour = isatty(fd) == 1 && getenv("NO_COLOR") == nil && getenv("TERM").map { String(cString: $0) } != "dumb"
    }

    func reminder(_ r: Reminder, zone: ZoneInfo) -> String {
        let time = zone.localDateTime(r.createdAt)
        let clock = format2(time.hour) + ":" + format2(time.minute)
        let label: String
        switch r.severity {
        case .critical: label = paint("CRITICAL", "1;31")
        case .warning: label = paint("WARNING ", "1;33")
        case .info: label = paint("INFO    ", "1;36")
        }
        let what = "\(r.lineID)/\(r.ruleID ?? r.kind.rawValue)"
        let event = r.event == "repeat" || r.event == "escalated" ? " (\(r.event))" : ""
        let line =
            "\(time.year)-\(format2(time.month))-\(format2(time.day)) \(clock) \(label) \(what)\(event): \(r.summary)"
        // The offer to buy, under the reminder: what a person at the terminal wants to know next.
        return r.advice.map { line + "\n" + String(repeating: " ", count: 26) + $0 } ?? line
    }

    private func format2(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    private func paint(_ s: String, _ code: String) -> String {
        colour ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s
    }
}
