public import SimwatchControl

/// `simwatchctl outbox`: one row per reminder, then the last error of each one that failed.
public enum OutboxView {
    public static func lines(_ reply: ListOutbox.Reply, context: ViewContext) -> [String] {
        guard !reply.reminders.isEmpty else { return ["no reminders"] }
        var table = TextTable([
            .init("STATE"), .init("CREATED"), .init("CHANNEL"), .init("TRIES", alignRight: true), .init("NEXT"),
            .init("NOTIFICATION", shrinks: true),
        ])
        for entry in reply.reminders {
            table.append([
                entry.state, context.time.absolute(wire: entry.createdAt), entry.channel, String(entry.attempts),
                entry.nextAttemptAt.map { context.time.relative(wire: $0) } ?? "-", entry.id,
            ])
        }
        var out = table.render(style: context.style, maxWidth: context.width)
        for entry in reply.reminders where entry.state != "sent" {
            guard let error = entry.lastError else { continue }
            out.append("\(entry.id): \(error)")
        }
        return out
    }

    /// 1 when something was given up (dead), else 0.
    public static func status(_ reply: ListOutbox.Reply) -> ExitStatus {
        reply.reminders.contains { $0.state == "dead" } ? .attention : .ok
    }
}
