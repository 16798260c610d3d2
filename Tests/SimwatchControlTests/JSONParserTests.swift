import FoundationEssentials
import SimwatchControl
import Testing

/// `JSONParser` must read replies as JSONDecoder did before it replaced it on simwatchctl's path: the same value
/// for every text JSONDecoder took, and a refusal for every text it refused.
@Suite struct JSONParserTests {
    static let accepted = [
        #"{}"#, #"[]"#, #" { "a" : [ 1 , 2 ] } "#, "\t\n\r{\"a\":null}\n",
        #"{"s":"h\u00e9llo \"w\u00f6rld\"\n\t\b\f\r\/\\"}"#, #"{"s":"😀 \ud83d\ude00 é 中"}"#,
        #"{"i":0,"n":-0,"m":-9223372036854775808,"M":9223372036854775807}"#,
        #"{"big":9223372036854775808,"huge":123456789012345678901234567890}"#,
        #"{"d":1.5,"e":-2.25e-3,"whole":2.0,"exp":2e3,"E":1E+2,"small":5e-324}"#,
        #"{"t":true,"f":false,"z":null,"a":[[],[{}],"x"]}"#,
        #"{"dup":1,"dup":2}"#, #""top-level string""#, "42", "null",
        #"{"esc":"\u001b[31m \u009b \u202e"}"#,
    ]

    static let refused = [
        "", " ", "{", "}", "[1,]", #"{"a":1,}"#, #"{"a" 1}"#, #"{a:1}"#, "{'a':1}", #"{"a":1}x"#, #"{"a":1}{}"#,
        "01", "-", "1.", ".5", "1e", "+1", "0x10", "1e400", "-1e400", "NaN", "Infinity", "tru", "nul", "True",
        "\"raw\ncontrol\"", "\"tab\there\"", #""\x41""#, #""\u12""#, #""\uZZZZ""#, #""\ud800""#, #""\udc00x""#,
        #""\ud800\u0041""#, "\"unterminated", "[\"a\"", "\u{FEFF}{}",
    ]

    @Test(arguments: accepted)
    func readsWhatJSONDecoderRead(_ text: String) throws {
        let expected = try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
        #expect(try JSONParser.parse(Array(text.utf8)) == expected)
    }

    @Test(arguments: refused)
    func refusesWhatIsNotJSON(_ text: String) {
        #expect(throws: JSONParser.Failure.self) { try JSONParser.parse(Array(text.utf8)) }
    }

    @Test func refusesInvalidUTF8InStrings() {
        for bytes: [UInt8] in [[0x22, 0xFF, 0x22], [0x22, 0xC3, 0x22], [0x22, 0xED, 0xA0, 0x80, 0x22]] {
            #expect(throws: JSONParser.Failure.self) { try JSONParser.parse(bytes) }
        }
    }

    @Test func nestingIsBounded() throws {
        let deep = String(repeating: "[", count: JSONParser.maximumDepth) + String(repeating: "]", count: 512)
        _ = try JSONParser.parse(Array(deep.utf8))
        let deeper = "[" + deep + "]"
        #expect(throws: JSONParser.Failure.self) { try JSONParser.parse(Array(deeper.utf8)) }
        let hostile = String(repeating: "[", count: 100_000)
        #expect(throws: JSONParser.Failure.self) { try JSONParser.parse(Array(hostile.utf8)) }
    }

    @Test func failuresSayWhere() {
        do {
            _ = try JSONParser.parse(Array(#"{"a":tru}"#.utf8))
            Issue.record("accepted an invalid literal")
        } catch {
            #expect(error.offset == 5)
            #expect(error.description == "invalid literal at byte 5")
        }
    }
}
