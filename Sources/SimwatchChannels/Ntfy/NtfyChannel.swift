import FoundationEssentials
public import SimwatchCore
import SimwatchHTTP

/// Reminders pushed to an ntfy topic: the body is the text, `Title`, `Priority` and `Tags` headers carry the rest
/// (non-ASCII titles RFC 2047 encoded, which ntfy decodes); a line's renewal page becomes `Click` and a "Renew"
/// action button. An access token goes in `Authorization: Bearer`.
public struct NtfyChannel: NotificationChannel {
    let settings: NtfySettings
    let token: String?
    let templates: ReminderTemplates
    let transport: any HTTPTransport
    let timeout: Double
    let zone: ZoneInfo
    let zones = ZoneCache()

    init(
        settings: NtfySettings,
        token: String?,
        templates: ReminderTemplates,
        transport: any HTTPTransport,
        timeout: Double,
        zone: ZoneInfo
    ) {
        self.settings = settings
        self.token = token
        self.templates = templates
        self.transport = transport
        self.timeout = timeout
        self.zone = zone
    }

    public func deliver(_ reminder: Reminder) async throws {
        try await HTTPDelivery.send(request(for: reminder), through: transport, now: Date())
    }

    func request(for reminder: Reminder) -> HTTPRequestSpec {
        let text = templates.render(reminder, zone: zones.zone(reminder.timeZone, fallback: zone))
        let priority = settings.priorities[reminder.severity] ?? 3
        let tags = [Self.severityTag(reminder.severity), reminder.kind.rawValue] + settings.tags
        var headers = [
            HTTPHeader("Title", EmailMessage.encodeWords(EmailMessage.clean(text.subject))),
            HTTPHeader("Priority", String(priority)),
            HTTPHeader("Tags", tags.map { EmailMessage.encodeWords(EmailMessage.clean($0)) }.joined(separator: ",")),
            HTTPHeader("Content-Type", "text/plain; charset=utf-8"),
            HTTPHeader("Content-Language", reminder.readerLanguage.tag),
            HTTPHeader("User-Agent", "simwatch/\(SimwatchVersion.current)"),
            HTTPHeader("X-Simwatch-Notification-Id", EmailMessage.clean(reminder.id)),
        ]
        if let link = reminder.renew?.openURL?.text {
            // Checked at load: printable ASCII without spaces. A tap opens it; so does the "Renew" button, whose
            // simple form cannot hold a comma, semicolon or quote in the URL.
            headers.append(HTTPHeader("Click", link))
            if !link.contains(where: { ",;\"'".contains($0) }) {
                // A header holds ASCII only: a label in another script stays English.
                let label = reminder.readerLanguage.phrasebook.renewButton
                let ascii = label.unicodeScalars.allSatisfy { (0x20...0x7E).contains($0.value) } ? label : "Renew"
                headers.append(HTTPHeader("Actions", "view, \(ascii), \(link)"))
            }
        }
        if let token { headers.append(HTTPHeader("Authorization", "Bearer \(token)")) }
        return HTTPDelivery.post(Array(text.body.utf8), headers: headers, to: settings, timeout: timeout)
    }

    /// ntfy turns known tag names into emoji.
    static func severityTag(_ severity: Severity) -> String {
        switch severity {
        case .info: "information_source"
        case .warning: "warning"
        case .critical: "rotating_light"
        }
    }
}
