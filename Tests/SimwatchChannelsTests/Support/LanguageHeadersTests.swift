import FoundationEssentials
import SimwatchCore
import Testing

@testable import SimwatchChannels

/// A reminder's language reaches each channel: mail's and ntfy's `Content-Language`, the webhook's `language`, the
/// renewal sentence in the webhook and in text messages; machine-readable fields stay as they are.
@Suite struct LanguageHeadersTests {
    static func reminder(_ language: Language?) throws -> Reminder {
        var reminder = try RenewalFieldsTests.reminder()
        reminder.language = language
        return reminder
    }

    @Test(arguments: [(Language?.none, "en"), (.en, "en"), (.fr, "fr"), (.zh, "zh-Hans")])
    func mailSaysItsLanguage(_ language: Language?, _ tag: String) {
        var message = EmailMessageTests.message(subject: "Forfait presque épuisé")
        message.language = language ?? .en
        #expect(EmailMessageTests.header("Content-Language", in: message.text) == tag)
    }

    @Test func theWebhookSaysItsLanguageAndKeepsItsMachineFields() throws {
        let english = WebhookPayload(
            try Self.reminder(nil),
            zone: .utc,
            title: "t",
            text: "x",
            now: RenewalFieldsTests.t0
        )
        let french = WebhookPayload(
            try Self.reminder(.fr),
            zone: .utc,
            title: "t",
            text: "x",
            now: RenewalFieldsTests.t0
        )
        let en = try JSONNode(parsing: english.encoded())
        let fr = try JSONNode(parsing: french.encoded())
        #expect(en.at(pointer: "/data/language")?.stringValue == "en")
        #expect(fr.at(pointer: "/data/language")?.stringValue == "fr")
        #expect(
            fr.at(pointer: "/data/renew/sentence")?.stringValue
                == "Rechargez sur https://boutique.orange.fr/recharge, dans l'application Orange et moi ou en composant "
                + "le #124*CODE# ; service client : +33 9 69 36 39 00."
        )
        for pointer in ["/type", "/data/kind", "/data/event", "/data/reading/remaining_bytes", "/data/renew/url"] {
            #expect(en.at(pointer: pointer) == fr.at(pointer: pointer), "\(pointer)")
        }
    }

    @Test func ntfySaysItsLanguage() throws {
        let tests = RenewalFieldsTests()
        #expect(try tests.ntfyHeaders(try Self.reminder(.zh))["Content-Language"] == "zh-Hans")
        #expect(try tests.ntfyHeaders(try Self.reminder(nil))["Content-Language"] == "en")
    }

    @Test func journalFieldsDoNotChangeWithTheLanguage() throws {
        let english = JournalChannel.fields(try Self.reminder(.en), zone: .utc)
        let chinese = JournalChannel.fields(try Self.reminder(.zh), zone: .utc)
        #expect(english.map(\.0) == chinese.map(\.0))
        #expect(english.map(\.1) == chinese.map(\.1))
    }
}

/// Text messages in French and Chinese: the renewal sentence in the reminder's language, the page on its own line.
@Suite struct SMSLanguageTests {
    @Test(arguments: [Language.fr, .zh])
    func theSentenceAndThePageInTheReadersLanguage(_ language: Language) throws {
        var reminder = try RenewalFieldsTests.reminder()
        reminder.language = language
        let words = language.phrasebook
        let renew = try #require(reminder.renew)
        reminder.summary = words.summary(
            "Test line",
            [words.left("100 Mo")],
            action: words.act(topUp: false, url: SMSChannelTests.page)
        )
        reminder.details = [words.renewal(renew)]
        let lines = try SMSChannelTests().channel().message(for: reminder).text.split(separator: "\n").map(String.init)
        #expect(lines.last == SMSChannelTests.page)
        #expect(
            lines.first
                == (language == .fr
                    ? "Test line : il reste 100 Mo : rechargez maintenant" : "Test line：剩余 100 Mo：请尽快续费")
        )
        #expect(lines.count == 3, "\(lines)")
        #expect(
            lines[1].hasPrefix(language == .fr ? "Rechargez dans l'application Orange et moi" : "续费方式："),
            "\(lines[1])"
        )
    }
}
