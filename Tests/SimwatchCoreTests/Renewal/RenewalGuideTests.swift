import FoundationEssentials
import SimwatchCore
import Testing

@Suite struct RenewalGuideTests {
    static let orange = RenewalGuide(
        url: try! RenewalGuide.Link(parsing: "https://boutique.orange.fr/mobile/recharge"),
        app: "Orange et moi",
        code: try! RechargeCode(parsing: "#124*CODE#"),
        support: try! SupportContact(parsing: "+33 9 69 36 39 00"),
        note: "Keep the receipt."
    )

    @Test func theSentenceNamesEveryWayAndTheSupport() {
        #expect(
            Self.orange.sentence
                == "Renew at https://boutique.orange.fr/mobile/recharge, in the Orange et moi app or by dialling "
                + "#124*CODE#; support +33 9 69 36 39 00. Keep the receipt."
        )
        #expect(RenewalGuide().sentence == "")
        #expect(RenewalGuide(app: "the SFR app").sentence == "Renew in the SFR app.")
        #expect(RenewalGuide(shop: "Tabac, 3 rue de Rivoli").sentence == "Renew at a shop (Tabac, 3 rue de Rivoli).")
        #expect(
            RenewalGuide(support: try! SupportContact(parsing: "help@example.com")).sentence
                == "Support: help@example.com."
        )
        #expect(
            RenewalGuide(code: try! RechargeCode(parsing: "sms:2222?body=RECHARGE CODE")).sentence
                == "Renew by texting RECHARGE CODE to 2222."
        )
    }

    @Test func fieldsAreNamedAndOrdered() {
        #expect(Self.orange.fields.map(\.name) == ["url", "app", "code", "support", "note"])
        #expect(Self.orange.openURL?.text == "https://boutique.orange.fr/mobile/recharge")
        let appOnly = RenewalGuide(app: "Airalo", appLink: try! RenewalGuide.Link(parsing: "https://airalo.com/app"))
        #expect(appOnly.openURL?.text == "https://airalo.com/app")
    }

    @Test(arguments: [
        ("ftp://example.com/", "link scheme `ftp` is not http or https"),
        ("boutique.orange.fr", "`boutique.orange.fr` is not a web link"),
        ("https://user:pw@example.com/", "the link carries credentials"),
        ("https:///path", "the link has no host"),
        ("https://example.com/a b", "the link contains spaces, control or non-ASCII characters"),
        ("https://example.com/\r\nX-Evil: 1", "the link contains spaces, control or non-ASCII characters"),
        ("https://exämple.com/", "the link contains spaces, control or non-ASCII characters"),
        ("https://example.com/" + String(repeating: "a", count: 2_000), "the link is longer than 2000 characters"),
    ])
    func badLinks(text: String, message: String) {
        #expect(throws: UnitParseError.self) { try RenewalGuide.Link(parsing: text) }
        do {
            _ = try RenewalGuide.Link(parsing: text)
        } catch {
            #expect(error.message == message)
        }
    }

    @Test(arguments: [
        "#124*CODE#", "*123#", "#100*1*PIN#", "sms:2222?body=RECHARGE CODE", "sms:+33612345678?body=TOPUP 20",
    ])
    func goodCodes(text: String) throws {
        #expect(try RechargeCode(parsing: text).description == text)
    }

    @Test(arguments: [
        "124", "#124*code#", "*123", "#12 3#", "sms:2222", "sms:abc?body=X", "sms:2222?body=", "sms:2222?body=A\nB",
        "#" + String(repeating: "1", count: 200) + "#",
    ])
    func badCodes(text: String) {
        #expect(throws: UnitParseError.self) { try RechargeCode(parsing: text) }
    }

    @Test(arguments: [
        ("+33 9 69 36 39 00", true), ("3900", true), ("(555) 010-0199", true), ("help@orange.fr", true),
        ("https://assistance.orange.fr", true), ("12", false), ("+33 +1", false), ("call us", false),
        ("Ana <ana@example.com>", false), ("javascript:alert(1)", false), ("1234567890123456789", false),
    ])
    func supportContacts(text: String, valid: Bool) {
        #expect(((try? SupportContact(parsing: text)) != nil) == valid)
    }

    @Test func codingChecksTheTextAgain() throws {
        let encoded = try JSONEncoder().encode(Self.orange)
        #expect(try JSONDecoder().decode(RenewalGuide.self, from: encoded) == Self.orange)
        let tampered = Data(#"{"url":"javascript:alert(1)"}"#.utf8)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(RenewalGuide.self, from: tampered) }
    }
}
