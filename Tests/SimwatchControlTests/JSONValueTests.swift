import FoundationEssentials
import SimwatchControl
import Testing

@Suite struct JSONValueTests {
    @Test func printedJSONCarriesNoControlCharacterYetDecodesToTheSameValue() throws {
        let text = "a\u{1B}[2J\u{7F}\u{9B}\u{202E}\u{2028}é🇫🇷"
        let printed = JSONValue.string(text).description
        #expect(printed == "\"a\\u001b[2J\\u007f\\u009b\\u202e\\u2028é🇫🇷\"")
        let back = try JSONDecoder().decode(JSONValue.self, from: Data(printed.utf8))
        #expect(back == .string(text))
    }
}
