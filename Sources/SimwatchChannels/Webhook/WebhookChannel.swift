import FoundationEssentials
public import SimwatchCore
import SimwatchHTTP

/// Reminders as signed JSON POSTs (Standard Webhooks): `webhook-id` is the stable notification id, so a receiver
/// drops the rare duplicate; `webhook-timestamp` and `webhook-signature` let it check the sender. The payload is
/// described in docs/webhooks.md.
public struct WebhookChannel: NotificationChannel {
    let name: String
    let settings: WebhookSettings
    let signature: WebhookSignature?
    let templates: ReminderTemplates
    let transport: any HTTPTransport
    let timeout: Double
    let zone: ZoneInfo
    let zones = ZoneCache()
    let clock: @Sendable () -> Date

    init(
        name: String,
        settings: WebhookSettings,
        signature: WebhookSignature?,
        templates: ReminderTemplates,
        transport: any HTTPTransport,
        timeout: Double,
        zone: ZoneInfo,
        clock: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.name = name
        self.settings = settings
        self.signature = signature
        self.templates = templates
        self.transport = transport
        self.timeout = timeout
        self.zone = zone
        self.clock = clock
    }

    public func deliver(_ reminder: Reminder) async throws {
        let now = clock()
        try await HTTPDelivery.send(try request(for: reminder, now: now), through: transport, now: now)
    }

    /// The POST for `reminder` at `now`.
    func request(for reminder: Reminder, now: Date) throws(DeliveryError) -> HTTPRequestSpec {
        let zone = zones.zone(reminder.timeZone, fallback: zone)
        let text = templates.render(reminder, zone: zone)
        let body = WebhookPayload(reminder, zone: zone, title: text.subject, text: text.body, now: now).encoded()
        let timestamp = Int64(now.timeIntervalSince1970)
        var headers = [
            HTTPHeader("Content-Type", "application/json"),
            HTTPHeader("User-Agent", "simwatch/\(SimwatchVersion.current)"),
            HTTPHeader("webhook-id", reminder.id),
            HTTPHeader("webhook-timestamp", String(timestamp)),
        ]
        if let signature {
            headers.append(
                HTTPHeader("webhook-signature", try signature.sign(id: reminder.id, timestamp: timestamp, body: body))
            )
        }
        return HTTPDelivery.post(body, headers: headers, to: settings, timeout: timeout)
    }
}
