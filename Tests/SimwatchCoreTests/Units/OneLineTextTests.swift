import SimwatchCore
import Testing

@Suite struct OneLineTextTests {
    @Test func trimsSpacesAndTabs() {
        #expect(OneLineText.check(" \tOrder 42 \t", limit: 20) == .success("Order 42"))
    }

    @Test(arguments: ["", "   ", "\t \t"])
    func blankIsEmpty(_ text: String) {
        #expect(OneLineText.check(text, limit: 20) == .failure(.empty))
    }

    @Test(arguments: ["a\nb", "a\rb", "a\u{0}b", "a\u{7F}b", "a\u{85}b", "a\u{9F}b", "a\u{1B}[31mb"])
    func controlCharactersAreRefused(_ text: String) {
        #expect(OneLineText.check(text, limit: 20) == .failure(.controlCharacters))
    }

    @Test func lengthCountsCharactersNotBytes() {
        #expect(OneLineText.check("續約續約續", limit: 5) == .success("續約續約續"))
        #expect(OneLineText.check("續約續約續約", limit: 5) == .failure(.tooLong(limit: 5)))
        #expect(OneLineText.check("e\u{301}", limit: 1) == .success("e\u{301}"))
    }
}
