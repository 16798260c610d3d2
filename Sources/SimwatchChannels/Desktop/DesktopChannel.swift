import SimwatchAdapterKit
public import SimwatchCore
import SimwatchSystemd

/// Reminders as desktop notices (`org.freedesktop.Notifications.Notify` on the session bus), urgency from severity;
/// a "Renew" button opens the line's renewal page where the notification server offers buttons.
/// No session bus or no notification server is an ordinary, retried delivery failure.
public struct DesktopChannel: NotificationChannel {
    let settings: DesktopSettings
    let templates: ReminderTemplates
    let timeout: Double
    let zone: ZoneInfo
    let zones = ZoneCache()
    let notifier = DesktopNotifier()

    init(settings: DesktopSettings, templates: ReminderTemplates, timeout: Double, zone: ZoneInfo) {
        self.settings = settings
        self.templates = templates
        self.timeout = timeout
        self.zone = zone
    }

    public func deliver(_ reminder: Reminder) async throws {
        do {
            _ = try await notifier.notify(notice(for: reminder), timeout: timeout, open: Self.openLink)
        } catch {
            throw DeliveryError(.temporary, "desktop notification: \(error)")
        }
    }

    func notice(for reminder: Reminder) -> DesktopNotifier.Notice {
        let text = templates.render(reminder, zone: zones.zone(reminder.timeZone, fallback: zone))
        return DesktopNotifier.Notice(
            appName: settings.appName,
            summary: text.subject,
            body: text.body,
            urgency: settings.urgency[reminder.severity] ?? 1,
            expireTimeout: settings.expireTimeout,
            category: "network",
            link: reminder.renew?.openURL?.text,
            buttonLabel: reminder.readerLanguage.phrasebook.renewButton
        )
    }

    /// The "Renew" button was pressed: the desktop's URL opener (`xdg-open`, from PATH) shows the page. Its failure
    /// is nobody's to report (the page is in the notice's text too).
    static let openLink: @Sendable (String) -> Void = { link in
        Task {
            var request = ProcessRunner.Request(["xdg-open", link], timeout: 30)
            request.searchPath = true
            _ = try? await ProcessRunner.run(request)
        }
    }
}
