import FoundationEssentials
import SimwatchCore

/// What is known of each line between polls: its record, its newest reading and its alerts by rule, as last
/// committed to the state database (memory is updated only after a commit succeeds, so the two never disagree).
struct LineBook {
    var records: [String: LineRecord] = [:]
    var latest: [String: Reading] = [:]
    var alerts = AlertBook()

    /// The line's alert states by rule id.
    func alertStates(of line: Line) -> [String: AlertState] {
        var states: [String: AlertState] = [:]
        for rule in line.rules {
            if let state = alerts[Self.key(line.id, rule.id)] { states[rule.id] = state }
        }
        return states
    }

    /// Whether one of the line's rules has its alert firing (its own keys only: no scan of the other lines).
    func hasFiringAlert(_ line: Line) -> Bool {
        line.rules.contains { alerts[Self.key(line.id, $0.id)]?.isFiring == true }
    }

    /// The earliest repeat reminder of the line's firing alerts.
    func nextReminder(of line: Line) -> Date? {
        line.rules.compactMap { alerts[Self.key(line.id, $0.id)]?.firing?.nextReminderAt }.min()
    }

    /// Takes in what an assessment committed.
    mutating func apply(_ outcome: AssessmentOutcome, line: String) {
        records[line] = outcome.record
        latest[line] = outcome.latest
        for (rule, state) in outcome.alerts { alerts[Self.key(line, rule)] = state }
    }

    static func key(_ line: String, _ rule: String) -> String { "\(line)\u{1F}\(rule)" }
}
