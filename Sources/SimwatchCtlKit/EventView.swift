public import SimwatchControl

/// `simwatchctl events`: one line per event, in fixed-width columns so a stream stays aligned.
///
/// ```text
/// 2026-11-30 09:49:12  alert        fr-holiday/low-data   firing      Orange Holiday: 984 MB left of 2.5 GB ...
/// ```
public enum EventView {
    /// The event as one line: time, kind, line/rule, event, summary (after the channel, for deliveries).
    public static func line(_ event: ControlEvent, context: ViewContext) -> String {
        let style = context.style
        let at = TimeFormat.wire(event.at).map(context.time.stamp) ?? event.at
        var what = event.line ?? "-"
        if let rule = event.rule { what += "/\(rule)" }
        let happened = event.event ?? "-"
        let summary = event.channel.map { "via \($0): \(event.summary)" } ?? event.summary
        let kind = DisplayWidth.padded(event.kind, to: 11)
        let cells = [
            style.secondary(at),
            event.kind == "poll_failed" ? style.bad(kind) : kind,
            DisplayWidth.padded(what, to: 20),
            paint(DisplayWidth.padded(happened, to: 10), event: event.event, style: style),
            summary,
        ]
        var text = cells.joined(separator: "  ")
        while text.last == " " { text.removeLast() }
        return text
    }

    static func paint(_ text: String, event: String?, style: TerminalStyle) -> String {
        switch event {
        case "firing", "escalated", "repeat": style.paint(text, .yellow)
        case "resolved", "delivered", "renewed": style.good(text)
        case "failed", "dead": style.bad(text)
        default: text
        }
    }
}
