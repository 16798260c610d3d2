import FoundationEssentials
import SimwatchCore

/// One alert as Alertmanager's `POST /api/v2/alerts` takes it. Its labels are its identity: made only of the line,
/// the rule, the kind and the severity (and the channel's group), they stay the same from the first post to the
/// end, across restarts, so every post refreshes the one alert and the resolution ends it.
struct AlertmanagerAlert: Encodable, Sendable, Hashable {
    var labels: [String: String]
    var annotations: [String: String]
    var startsAt: String
    var endsAt: String
    var generatorURL: String?

    /// The alert a reminder stands for, nil for a notice that is no alert (a renewal). An alert that fires,
    /// escalates or repeats stays active for `validFor` after `now`; a resolution ends it when it was resolved.
    init?(_ reminder: Reminder, settings: AlertmanagerSettings, now: Date) {
        var kind = reminder.kind
        var severity = reminder.severity
        var ended = reminder.event == "resolved"
        var lasts = settings.validFor.timeInterval
        switch reminder.kind {
        case .renewed:
            return nil
        case .renewalConfirmed:
            // The renewal that was late arrived: the warning that it was late ends.
            kind = .renewalLate
            severity = .warning
            ended = true
        case .test:
            lasts = min(lasts, 300)
        default:
            break
        }
        var labels = [
            "alertname": "simwatch_" + kind.rawValue,
            "line": reminder.lineID,
            "kind": kind.rawValue,
            "severity": severity.rawValue,
        ]
        if let rule = reminder.ruleID { labels["rule"] = rule }
        if let group = settings.group { labels["group"] = group }
        // The summary starts with the line's name already.
        var annotations = ["summary": reminder.summary, "line_name": reminder.lineName]
        if !reminder.details.isEmpty { annotations["description"] = reminder.details.joined(separator: "\n") }
        if let open = reminder.renew?.openURL { annotations["renewal_url"] = open.text }
        if let runbook = settings.runbook { annotations["runbook_url"] = runbook }
        self.labels = labels
        self.annotations = annotations
        // Never after `now`: under `time_scale` the daemon's clock runs ahead of Alertmanager's, and an end in its
        // future would keep the alert active.
        let raised = min(reminder.createdAt, now)
        startsAt = raised.iso8601(in: .utc)
        endsAt = (ended ? raised : now + lasts).iso8601(in: .utc)
        generatorURL = settings.generatorURL?.text
    }

    /// The request body: a JSON array of this one alert, with sorted keys.
    func body() -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array((try? encoder.encode([self])) ?? Data())
    }
}
