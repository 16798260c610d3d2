import FoundationEssentials
import SimwatchAdapterKit
public import SimwatchCore

/// Reminders by mail: an RFC 5322 message piped to `sendmail -t -oi` (msmtp-mta, Postfix, Exim ...), which reads
/// the recipients from the headers. No shell, and no secret on the command line: the mailer reads its own config.
///
/// Exit statuses: 0 delivered; the sysexits.h statuses as `SendmailStatus` maps them (every one that can mean
/// "offline" is `temporary`); a timeout (the group is killed) is `timeout`; other statuses are `rejected` (retried a
/// few times, then dead). Whatever sendmail printed is kept in the error.
public struct EmailChannel: NotificationChannel {
    let name: String
    let settings: EmailSettings
    let templates: ReminderTemplates
    let timeout: Double
    let zones = ZoneCache()
    let zone: ZoneInfo
    let clock: @Sendable () -> Date

    init(
        name: String,
        settings: EmailSettings,
        templates: ReminderTemplates,
        timeout: Double,
        zone: ZoneInfo,
        clock: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.name = name
        self.settings = settings
        self.templates = templates
        self.timeout = timeout
        self.zone = zone
        self.clock = clock
    }

    public func deliver(_ reminder: Reminder) async throws {
        let message = try message(for: reminder)
        let result: ProcessRunner.Outcome
        do {
            result = try await ProcessRunner.run(
                ProcessRunner.Request(
                    [settings.sendmail, "-t", "-oi"],
                    input: Array(message.text.utf8),
                    timeout: timeout
                )
            )
        } catch {
            throw DeliveryError(.misconfigured, "\(error)")
        }
        try Self.check(result, program: settings.sendmail, timeout: timeout)
    }

    /// The message for `reminder`: its own recipients when the line has some, else the channel's.
    func message(for reminder: Reminder) throws(DeliveryError) -> EmailMessage {
        let zone = zones.zone(reminder.timeZone, fallback: zone)
        var to = settings.to
        if let own = reminder.recipients {
            to = own.compactMap(MailAddress.init(parsing:))
        }
        guard !to.isEmpty else { throw DeliveryError(.rejected, "no recipient for channel \(name)") }
        let text = templates.render(reminder, zone: zone)
        return EmailMessage(
            from: settings.from,
            to: to,
            subject: text.subject,
            body: text.body,
            date: zone.localDateTime(clock()),
            notificationID: reminder.id,
            severity: reminder.severity,
            language: reminder.readerLanguage
        )
    }

    static func check(_ result: ProcessRunner.Outcome, program: String, timeout: Double) throws(DeliveryError) {
        let printed = String(decoding: result.stderr + result.stdout, as: UTF8.self)
        let lines = printed.split(whereSeparator: \.isNewline).map { String($0).trimmingSpaces }.filter { !$0.isEmpty }
        let said = lines.isEmpty ? "" : ": " + String(lines.joined(separator: " / ").prefix(1000))
        if result.timedOut {
            throw DeliveryError(.timeout, "\(program) did not finish within \(Int(timeout)) s and was killed\(said)")
        }
        if result.cancelled {
            throw DeliveryError(.temporary, "\(program) was stopped (the daemon is stopping)\(said)")
        }
        if let signal = result.signal {
            throw DeliveryError(.temporary, "\(program) killed by signal \(signal)\(said)")
        }
        switch result.status {
        case 0?:
            // It said it took the message, but stopped reading it: it did not have all of it.
            guard result.inputComplete else {
                throw DeliveryError(.temporary, "\(program) exited before reading the whole message\(said)")
            }
        case let status?:
            let meaning = SendmailStatus(status)
            throw DeliveryError(meaning.code, "\(program) \(meaning.description)\(said)")
        case nil:
            throw DeliveryError(.temporary, "\(program) ended without a status\(said)")
        }
    }
}
