public import SimwatchControl
import SimwatchModel

/// What the commands that change something print: poll, reload, snooze, unsnooze, record, renew, test-notify.
public enum ActionView {
    /// One row per line polled: LINE, ok or failed, the reading or the error.
    public static func poll(_ outcomes: [PollOutcome], context: ViewContext) -> [String] {
        guard !outcomes.isEmpty else { return ["No lines to poll."] }
        var table = TextTable([.init("LINE"), .init("RESULT"), .init("READING", shrinks: true)])
        for outcome in outcomes {
            if outcome.ok {
                let reading = outcome.reading.map { ReadingText.full($0, time: context.time) } ?? "no reading"
                table.append([outcome.line, context.style.good("ok"), reading])
            } else {
                table.append([outcome.line, context.style.bad("failed"), outcome.error ?? "unknown error"])
            }
        }
        return table.render(style: context.style, maxWidth: context.width)
    }

    /// 0 when every poll succeeded, else 1.
    public static func pollStatus(_ outcomes: [PollOutcome]) -> ExitStatus {
        outcomes.allSatisfy(\.ok) ? .ok : .attention
    }

    /// "Reloaded the configuration: 2 lines."
    public static func reload(_ reply: Reload.Reply) -> [String] {
        ["Reloaded the configuration: \(ViewContext.count(reply.lines, "line"))."]
    }

    /// One line per alert: "fr-holiday/low-data  snoozed until Mon 30 Nov 09:00 CET (in 2d 23h), firing".
    public static func snooze(_ alerts: [AlertInfo], context: ViewContext) -> [String] {
        guard !alerts.isEmpty else { return ["No rules matched."] }
        var table = TextTable([.init("LINE/RULE"), .init("SNOOZE"), .init("STATE")])
        for alert in alerts {
            let snooze: String
            if let until = alert.snoozedUntil {
                snooze = "snoozed until \(context.time.both(wire: until))"
            } else if alert.state == "firing" {
                snooze = "snooze ended, next reminder \(context.time.relative(wire: alert.nextReminderAt))"
            } else {
                snooze = "not snoozed"
            }
            let state = alert.state == "firing" ? context.style.severity(alert.severity, text: "firing") : alert.state
            table.append(["\(alert.line)/\(alert.rule)", snooze, state])
        }
        return table.render(style: context.style, maxWidth: context.width)
    }

    /// "Recorded for fr-holiday: 2 GB left of 20 GB (10%), expires ...".
    public static func record(_ reading: ReadingInfo, line: String, context: ViewContext) -> [String] {
        ["Recorded for \(line): \(ReadingText.full(reading, time: context.time))."]
    }

    /// "Renewed fr-holiday: 20 GB from Fri 27 Nov 10:00 CET, expires Sun 27 Dec 10:00 CET (in 30d)."
    public static func renew(_ reply: Renew.Reply, line: String, context: ViewContext) -> [String] {
        let plan = reply.plan
        var text = "Renewed \(line): " + (plan.quotaBytes.map { ByteCount(bytes: $0).description } ?? "no data limit")
        text += " from \(context.time.absolute(wire: plan.startedAt))"
        if let expires = plan.expiresAt { text += ", expires \(context.time.both(wire: expires))" }
        var lines = [text + "."]
        guard let entry = reply.renewal else { return lines }
        var ledger = "Ledger: \(entry.id)"
        if let offer = entry.offer { ledger += ", \(offer)" }
        if let price = entry.price { ledger += ", \(price)" }
        if let order = entry.order { ledger += ", order \(order)" }
        lines.append(ledger + ".")
        if let receipt = entry.receipt { lines.append("Receipt kept: \(receipt.path) (sha256 \(receipt.sha256)).") }
        if entry.check.state == "waiting", let until = entry.check.at {
            lines.append(
                "Waiting for the provider to show it until \(context.time.absolute(wire: until)); "
                    + "`simwatchctl show \(line)` says when it does."
            )
        }
        return lines
    }

    /// "Sent a test reminder through journal (id simwatch/+test/1795774800/1/journal)."
    public static func testNotification(_ reply: TestNotification.Reply, channel: String) -> [String] {
        ["Sent a test reminder through \(channel) (id \(reply.notificationId))."]
    }

    /// "simwatchctl 0.1.0" and the daemon's version, or why it is unknown.
    public static func version(daemon: String?, socket: String, problem: String? = nil) -> [String] {
        var lines = ["simwatchctl \(SimwatchVersion.current)"]
        if let daemon {
            lines.append("simwatchd \(daemon) (\(socket))")
        } else {
            lines.append("simwatchd: \(problem ?? "not running") (\(socket))")
        }
        return lines
    }
}
