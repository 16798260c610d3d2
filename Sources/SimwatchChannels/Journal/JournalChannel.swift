public import SimwatchCore
import SimwatchSystemd

/// Reminders into the systemd journal with structured fields (`MESSAGE_ID` per kind, `PRIORITY` from severity,
/// `SIMWATCH_*`), so `journalctl SIMWATCH_LINE=fr-travel` or `MESSAGE_ID=...` finds them. When no journal is
/// reachable, or when asked to (the foreground demo), the reminder is also printed to stderr.
public struct JournalChannel: NotificationChannel {
    private let journal = Journal()
    private let echo: Bool
    private let zone: ZoneInfo
    private let style = ConsoleStyle()
    private let zones = ZoneCache()

    public init(echoToStderr: Bool, zone: ZoneInfo) {
        self.echo = echoToStderr
        self.zone = zone
    }

    public func deliver(_ reminder: Reminder) async throws {
        let zone = zones.zone(reminder.timeZone, fallback: zone)
        var written = false
        if journal.isReachable {
            do {
                try journal.send(Self.fields(reminder, zone: zone))
                written = true
            } catch {
                // journald went away between the check and the write: stderr is the fallback below.
            }
        }
        if echo || !written {
            StandardError.write(style.reminder(reminder, zone: zone) + "\n")
        }
    }

    static func fields(_ r: Reminder, zone: ZoneInfo) -> [(String, String)] {
        var fields: [(String, String)] = [
            ("MESSAGE", r.summary),
            ("MESSAGE_ID", r.kind.messageID),
            ("PRIORITY", String(r.severity.syslogPriority)),
            ("SYSLOG_IDENTIFIER", "simwatchd"),
            ("SIMWATCH_KIND", r.kind.rawValue),
            ("SIMWATCH_EVENT", r.event),
            ("SIMWATCH_SEVERITY", r.severity.rawValue),
            ("SIMWATCH_LINE", r.lineID),
            ("SIMWATCH_LINE_NAME", r.lineName),
            ("SIMWATCH_NOTIFICATION_ID", r.id),
            ("SIMWATCH_EPISODE", String(r.episode)),
            ("SIMWATCH_OCCURRENCE", String(r.occurrence)),
        ]
        if let rule = r.ruleID { fields.append(("SIMWATCH_RULE", rule)) }
        if let stage = r.stage { fields.append(("SIMWATCH_STAGE", String(stage))) }
        if let remaining = r.remaining { fields.append(("SIMWATCH_REMAINING_BYTES", String(remaining.bytes))) }
        if let total = r.total { fields.append(("SIMWATCH_TOTAL_BYTES", String(total.bytes))) }
        if let expires = r.expiresAt { fields.append(("SIMWATCH_EXPIRES_AT", expires.iso8601(in: zone))) }
        if let runsOut = r.runsOutAt { fields.append(("SIMWATCH_RUNS_OUT_AT", runsOut.iso8601(in: zone))) }
        if !r.details.isEmpty { fields.append(("SIMWATCH_DETAILS", r.details.joined(separator: "\n"))) }
        for (name, value) in r.renew?.fields ?? [] { fields.append(("SIMWATCH_RENEW_\(name.uppercased())", value)) }
        return fields
    }
}
