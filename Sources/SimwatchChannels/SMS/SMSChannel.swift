public import SimwatchCore
import SimwatchSystemd
import Synchronization

/// Reminders as text messages through a modem (ModemManager on the system bus): they need no data, so they reach
/// the phone when the plan has run out. The text is the body template (the summary by default), then the line's
/// renewal sentence and the offer advice when they fit, then the renewal page, kept within `max_parts` messages
/// (`SMSText`). Failures are classed by `SMSFailure`.
///
/// With several numbers, a retry skips those that already got this reminder (remembered in memory, for the last
/// `SentNumbers.capacity` sends): a refusal of the second number does not text the first one again.
public struct SMSChannel: NotificationChannel {
    let name: String
    let settings: SMSSettings
    let templates: ReminderTemplates
    let timeout: Double
    let zone: ZoneInfo
    let zones = ZoneCache()
    let sentNumbers = SentNumbers()

    init(name: String, settings: SMSSettings, templates: ReminderTemplates, timeout: Double, zone: ZoneInfo) {
        self.name = name
        self.settings = settings
        self.templates = templates
        self.timeout = timeout
        self.zone = zone
    }

    public func deliver(_ reminder: Reminder) async throws {
        let text = message(for: reminder).text
        // A test (`simwatchctl test-notify`) goes to every number each time it is asked for.
        let remember = reminder.event != "test"
        let numbers = remember ? settings.to.filter { !sentNumbers.contains(reminder.id, $0) } : settings.to
        guard !numbers.isEmpty else { return }
        let choice = ModemChoice(iccid: settings.iccid, operatorName: settings.operatorName)
        let timeout = self.timeout
        let result = await DBusThread.run(
            { .success(ModemMessenger.send(text, to: numbers, via: choice, timeout: timeout)) },
            noThread: DeliveryError(.temporary, "no thread for the D-Bus call")
        )
        let outcome = try result.get()
        if remember { sentNumbers.record(reminder.id, outcome.sent) }
        if let failure = outcome.failure {
            let done = outcome.sent.isEmpty ? "" : " (sent to \(outcome.sent.map(\.e164).joined(separator: ", ")))"
            throw DeliveryError(failure.code, failure.detail + done, retryAfter: failure.retryAfter)
        }
    }

    /// The text `reminder` is sent as.
    func message(for reminder: Reminder) -> SMSText {
        let body = templates.render(reminder, zone: zones.zone(reminder.timeZone, fallback: zone)).body
        var extras: [String] = []
        // The renewal sentence (with the recharge code and whom to call) where the reminder carries it.
        if let sentence = reminder.renew?.sentence(in: reminder.readerLanguage), !sentence.isEmpty,
            reminder.details.contains(sentence)
        {
            extras.append(sentence)
        }
        if let advice = reminder.advice { extras.append(advice) }
        let link = reminder.kind == .renewed ? nil : reminder.renew?.openURL?.text
        return SMSText(body: body, extras: extras, link: link, maxParts: settings.maxParts)
    }
}

/// Which numbers already got which reminder, for the last `capacity` sends.
final class SentNumbers: Sendable {
    struct Entry: Hashable {
        var id: String
        var number: PhoneNumber
    }

    static let capacity = 256
    private let entries = Mutex<[Entry]>([])

    func contains(_ id: String, _ number: PhoneNumber) -> Bool {
        entries.withLock { $0.contains(Entry(id: id, number: number)) }
    }

    func record(_ id: String, _ numbers: [PhoneNumber]) {
        entries.withLock { list in
            list.append(contentsOf: numbers.map { Entry(id: id, number: $0) })
            if list.count > Self.capacity { list.removeFirst(list.count - Self.capacity) }
        }
    }
}
