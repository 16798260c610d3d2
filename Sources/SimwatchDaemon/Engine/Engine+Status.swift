import FoundationEssentials
public import SimwatchCore

extension Engine {
    /// Alerts currently firing.
    public func firingAlerts() -> [AlertState] {
        alerts.values.filter(\.isFiring).sorted { ($0.lineID, $0.ruleID) < ($1.lineID, $1.ruleID) }
    }

    /// The one-line summary for `STATUS=` and logs: "2 lines, 1 alert firing, last poll fr-travel 10:05 ok".
    public func statusLine() -> String {
        let lines = config.lines.count
        let firing = firingAlerts().count
        var text = "\(lines) line\(lines == 1 ? "" : "s"), \(firing) alert\(firing == 1 ? "" : "s") firing"
        if let last = lastPoll {
            text += ", last poll \(last.line) \(clockTime(last.at)) \(last.ok ? "ok" : "failed")"
        }
        if clockUnsetLogged {
            text = "waiting for the system clock to be set; " + text
        }
        if let trouble = storeTrouble {
            text = "STATE NOT SAVED since \(clockTime(trouble.since)) (\(trouble.error)); " + text
        }
        return text
    }

    /// "09:05" in the configured zone.
    private func clockTime(_ date: Date) -> String {
        let t = config.daemon.timeZone.localDateTime(date)
        let hh = t.hour < 10 ? "0\(t.hour)" : "\(t.hour)"
        let mm = t.minute < 10 ? "0\(t.minute)" : "\(t.minute)"
        return "\(hh):\(mm)"
    }

    /// The newest reading of a line, if any.
    public func latestReading(of line: String) -> Reading? { latest[line] }
}
