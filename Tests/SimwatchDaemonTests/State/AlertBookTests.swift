import FoundationEssentials
import SimwatchCore
import Testing

@testable import SimwatchDaemon

@Suite struct AlertBookTests {
    func firing(_ line: String, _ rule: String) -> AlertState {
        var state = AlertState(lineID: line, ruleID: rule)
        state.phase = .firing(
            AlertState.Firing(
                since: Date(timeIntervalSince1970: 0),
                stage: 0,
                occurrence: 1,
                stageReminders: 1,
                lastNotifiedAt: Date(timeIntervalSince1970: 0),
                nextReminderAt: nil
            )
        )
        return state
    }

    @Test func countsFiringAlertsAsTheyChange() {
        var book = AlertBook()
        book["a/low"] = firing("a", "low")
        book["b/low"] = firing("b", "low")
        book["c/low"] = AlertState(lineID: "c", ruleID: "low")
        #expect(book.firing == 2)
        book["a/low"] = firing("a", "low")
        #expect(book.firing == 2)
        var resolved = firing("b", "low")
        resolved.phase = .resolved(at: Date(timeIntervalSince1970: 60), reason: .cleared)
        book["b/low"] = resolved
        #expect(book.firing == 1)
        book["a/low"] = nil
        #expect(book.firing == 0)
        book["c/low"] = firing("c", "low")
        #expect(book.firing == 1)
        #expect(Set(book.map(\.key)) == ["b/low", "c/low"])
    }
}
