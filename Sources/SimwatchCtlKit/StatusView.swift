public import SimwatchControl
import SimwatchModel

/// `simwatchctl status`: the daemon, then the alerts firing.
///
/// ```text
/// simwatchd 0.1.0, up 3d 4h (since Fri 27 Nov 08:00 CET)
/// config     /home/ana/.config/simwatch/config.toml
/// ...
/// ```
public enum StatusView {
    /// The status report as lines.
    public static func render(_ reply: GetStatus.Reply, context: ViewContext) -> [String] {
        let time = context.time
        let style = context.style
        let uptime = TimeSpan(seconds: reply.uptimeSeconds)
        var lines = [
            style.heading("simwatchd \(reply.version)")
                + ", up \(uptime) (since \(time.absolute(wire: reply.startedAt)))"
        ]
        var pairs = [
            ("config", reply.configPath),
            ("state", reply.stateDir),
            ("time zone", reply.timeZone),
            ("lines", "\(reply.lines)"),
        ]
        if let poll = reply.lastPoll {
            let outcome = poll.ok ? style.good("ok") : style.bad("failed")
            pairs.append(("last poll", "\(poll.line), \(time.both(wire: poll.at)), \(outcome)"))
        } else {
            pairs.append(("last poll", "none yet"))
        }
        let dead = reply.deadReminders == 0 ? "0 dead" : style.bad("\(reply.deadReminders) dead")
        pairs.append(("reminders", "\(reply.pendingReminders) pending, \(dead)"))
        if let problem = reply.storage {
            pairs.append(
                (
                    "state",
                    style.bad("NOT SAVED since \(time.both(wire: problem.since))") + ": \(problem.error) "
                        + "(\(ViewContext.count(problem.failures, "failed write")), next try \(time.both(wire: problem.retryAt)))"
                )
            )
        }
        lines += context.fields(pairs)
        lines.append("")
        if reply.firing.isEmpty {
            lines.append(style.good("No alerts firing."))
            return lines
        }
        let total = max(reply.firingTotal ?? 0, reply.firing.count)
        lines.append(style.heading(ViewContext.count(total, "alert") + " firing:"))
        lines += alertTable(reply.firing, context: context).render(style: style, indent: 2, maxWidth: context.width)
        if total > reply.firing.count {
            lines.append("  … and \(total - reply.firing.count) more (simwatchctl lines shows every line's state)")
        }
        return lines
    }

    /// The exit status `status` ends with: 1 when any alert is firing, else 0.
    public static func exitStatus(_ reply: GetStatus.Reply) -> ExitStatus {
        reply.firing.isEmpty ? .ok : .attention
    }

    /// LINE/RULE, SEVERITY, SINCE, NEXT REMINDER (or the snooze holding it back).
    static func alertTable(_ alerts: [AlertInfo], context: ViewContext) -> TextTable {
        var table = TextTable([
            .init("LINE/RULE"), .init("SEVERITY"), .init("SINCE"), .init("NEXT REMINDER", shrinks: true),
        ])
        for alert in alerts {
            table.append([
                "\(alert.line)/\(alert.rule)",
                context.style.severity(alert.severity),
                context.time.relative(wire: alert.since),
                nextReminder(alert, time: context.time),
            ])
        }
        return table
    }

    /// "Sat 28 Nov 09:00 CET (in 23h)", "snoozed until Mon 30 Nov 09:00 CET", "-".
    static func nextReminder(_ alert: AlertInfo, time: TimeFormat) -> String {
        if let until = alert.snoozedUntil, let date = TimeFormat.wire(until), date > time.now {
            return "snoozed until \(time.absolute(date))"
        }
        return time.both(wire: alert.nextReminderAt)
    }
}
