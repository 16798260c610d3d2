import Testing

@testable import SimwatchChannels

/// GSM-7 or UCS-2, and how many messages a text takes: the counts ModemManager and the network use.
@Suite struct SMSEncodingTests {
    @Test(arguments: [
        ("Forfait: 820 MB left, renew now", SMSEncoding.gsm7),
        ("Forfait épuisé à 100 % – ", .ucs2),  // the en dash is not GSM
        ("Forfait épuisé à 100 %, crédit 4,52 €", .gsm7),  // é, à and € are
        ("Forfait bientôt épuisé", .ucs2),  // ô is not
        ("Ça coûte {5} [€] ~ ^ | \\", .ucs2),  // û is not
        ("Ça: {5} [€] ~ ^ | \\ @£$¥ ΔΦΓΛΩΠΨΣΘΞ ÆæßÉ ¡¿ ÄÖÑÜ§äöñüà", .gsm7),
        ("流量不足", .ucs2),
        ("Orange ✈ roaming", .ucs2),
        ("data 😀", .ucs2),
        ("back`tick", .ucs2),
    ])
    func detection(_ text: String, _ expected: SMSEncoding) {
        #expect(SMSEncoding(of: text) == expected, "\(text)")
    }

    @Test func extensionCharactersCountTwo() {
        #expect(SMSEncoding.gsm7.length("abc") == 3)
        #expect(SMSEncoding.gsm7.length("{€}") == 6)
        #expect(SMSEncoding.gsm7.length("^|~\\[]\u{0C}") == 14)
        #expect(SMSEncoding.gsm7.length("ô") == nil)
        // 80 euro signs are 160 septets: one message; 81 are two.
        #expect(SMSEncoding.gsm7.parts(String(repeating: "€", count: 80)) == 1)
        #expect(SMSEncoding.gsm7.parts(String(repeating: "€", count: 81)) == 2)
    }

    @Test(arguments: [(1, 1), (160, 1), (161, 2), (306, 2), (307, 3), (459, 3), (460, 4)])
    func gsmBoundaries(_ count: Int, _ parts: Int) {
        #expect(SMSEncoding.gsm7.parts(String(repeating: "a", count: count)) == parts)
    }

    @Test(arguments: [(1, 1), (70, 1), (71, 2), (134, 2), (135, 3)])
    func ucs2Boundaries(_ count: Int, _ parts: Int) {
        let text = String(repeating: "ж", count: count)
        #expect(SMSEncoding(of: text) == .ucs2)
        #expect(SMSEncoding.ucs2.parts(text) == parts)
    }

    @Test func ucs2CountsUTF16CodeUnits() {
        #expect(SMSEncoding.ucs2.length("😀") == 2)
        #expect(SMSEncoding.ucs2.length("流量") == 2)
        #expect(SMSEncoding.ucs2.parts(String(repeating: "😀", count: 35)) == 1)
        #expect(SMSEncoding.ucs2.parts(String(repeating: "😀", count: 36)) == 2)
    }

    /// An escape and its character, or a surrogate pair, never straddle two parts.
    @Test func charactersAreNotSplitBetweenParts() {
        let gsm = String(repeating: "a", count: 152) + "€" + String(repeating: "a", count: 152)
        #expect(SMSEncoding.gsm7.length(gsm) == 306)
        #expect(SMSEncoding.gsm7.parts(gsm) == 3)
        let ucs = String(repeating: "x", count: 66) + String(repeating: "😀", count: 34)
        #expect(SMSEncoding.ucs2.length(ucs) == 134)
        #expect(SMSEncoding.ucs2.parts(ucs) == 3)
    }
}
