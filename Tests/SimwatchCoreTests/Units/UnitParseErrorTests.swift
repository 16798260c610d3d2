import SimwatchCore
import Testing

@Suite struct UnitParseErrorTests {
    @Test func descriptionAppendsTheHint() {
        let error = UnitParseError(input: "15", message: "duration '15' has no unit", hint: "add a unit, e.g. 15m")
        #expect(error.description == "duration '15' has no unit (hint: add a unit, e.g. 15m)")
        #expect(UnitParseError(input: "x", message: "bad").description == "bad")
    }

    @Test func parsersReportThroughTheSameType() {
        #expect(throws: UnitParseError(input: "15", message: "duration '15' has no unit", hint: "add a unit, e.g. 15m")) {
            try TimeSpan(parsing: "15")
        }
    }
}
