import SimwatchCore
import Testing

@Suite struct UnitParseErrorTests {
    @Test func descriptionAppendsTheHint() {
        let error = UnitParseError(input: "15", message: "duration '15' has no unit", hint: "add a unit, e.g. 15m")
        #expect(error.description == "duration '15' has no unit (hint: add a unit, e.g. 15m)")
        #expect(UnitParseError(input: "x", message: "bad").description == "bad")
    }

    @Test func parsersReportThroughTheSameType() {
        let expected = UnitParseError(input: "15", message: "duration '15' has no unit", hint: "add a unit, e.g. 15m")
        #expect(throws: expected) {
            try TimeSpan(parsing: "15")
        }
    }
}
