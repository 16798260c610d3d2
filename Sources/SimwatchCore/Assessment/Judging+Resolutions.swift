import FoundationEssentials

/// The end of an alert, told to the channels that want it (`AssessmentSettings.resolutionChannels`, such as
/// Alertmanager, which keeps an alert active until it hears that it ended). Every other channel hears nothing, as
/// before: a reminder is about something to do.
extension Judging {
    /// One reminder with event "resolved" per channel of the line that wants resolutions, for the alert of `rule`
    /// whose episode ended in `state`. Sent at once (quiet hours hold back no end) under an id of its own
    /// (`line/rule+resolved/episode/occurrence/channel`), with the kind and severity of its last reminder, so a
    /// receiver that keys alerts on them ends the right one.
    func resolutions(of rule: Rule, ended state: AlertState) -> [Reminder] {
        let channels = input.settings.resolutionChannels
        guard line.channels.contains(where: channels.contains) else { return [] }
        let stage = state.firing?.stage
        let (snapshot, forecast, now) = (snapshot, forecast, now)
        let text = { (composer: ReminderComposer) in
            composer.compose(
                kind: rule.kind.reminderKind,
                rule: rule,
                stage: stage,
                snapshot: snapshot,
                forecast: forecast,
                now: now
            )
        }
        return reminders(
            kind: rule.kind.reminderKind,
            rule: rule.id,
            event: "resolved",
            severity: severity(of: rule, stage: stage),
            episode: state.episode,
            occurrence: state.firing?.occurrence ?? 1,
            stage: stage,
            text: text,
            slot: rule.id + Self.resolvedSuffix
        )
        .filter { channels.contains($0.channel) }
        .map { reminder in
            var reminder = reminder
            reminder.notBefore = now
            return reminder
        }
    }

    /// The id part after the rule's for a resolution (rule ids cannot hold "+").
    static let resolvedSuffix = "+resolved"
}
