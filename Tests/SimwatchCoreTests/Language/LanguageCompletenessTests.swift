import FoundationEssentials
import SimwatchCore
import Testing

/// Every kind of reminder, at every event, has its own words in every language: a kind or a text added in English
/// only fails here.
@Suite struct LanguageCompletenessTests {
    static let others = Language.allCases.filter { $0 != .en }

    static func render(
        _ kind: ReminderKind,
        _ event: String,
        _ language: Language,
        _ style: ReminderTemplates.BodyStyle
    )
        throws -> (subject: String, body: String, reminder: Reminder)
    {
        let reminder = LanguageFixture.reminder(kind, event: event, language: language)
        let text = try ReminderTemplates(style: style).render(reminder, zone: .utc)
        return (text.subject, text.body, reminder)
    }

    @Test(arguments: ReminderKind.allCases)
    func everyKindHasItsOwnWordsInEveryLanguage(_ kind: ReminderKind) throws {
        for event in LanguageFixture.events {
            let english = try Self.render(kind, event, .en, .full)
            #expect(!english.subject.isEmpty && !english.reminder.summary.isEmpty)
            for language in Self.others {
                let other = try Self.render(kind, event, language, .full)
                #expect(!other.subject.isEmpty, "\(kind) \(event) \(language): no subject")
                #expect(other.subject != english.subject, "\(kind) \(event) \(language): subject is English")
                #expect(other.reminder.summary != english.reminder.summary, "\(kind) \(language): summary is English")
                #expect(other.body != english.body, "\(kind) \(event) \(language): body is English")
                #expect(other.reminder.details.count == english.reminder.details.count)
                for (mine, theirs) in zip(other.reminder.details, english.reminder.details) {
                    #expect(mine != theirs, "\(kind) \(language): detail `\(mine)` is English")
                }
            }
        }
    }

    @Test(arguments: Language.allCases)
    func everyPhraseIsWritten(_ language: Language) {
        let words = language.phrasebook
        #expect(words.language == language)
        let phrases = [
            words.dataUsedUp, words.dataLow, words.planExpired, words.noDataLeft, words.renewed,
            words.renewalNotArrived, words.renewalArrived, words.testReminder, words.theProvider,
            words.checkWithProvider, words.fullBodyFooter, words.testThrough("mail"), words.testSent(at: "W"),
        ]
        #expect(phrases.allSatisfy { !$0.isEmpty })
        if language != .en {
            let english = [
                English().dataUsedUp, English().dataLow, English().planExpired, English().noDataLeft,
                English().renewed, English().renewalNotArrived, English().renewalArrived, English().testReminder,
                English().theProvider, English().checkWithProvider, English().fullBodyFooter,
                English().testThrough("mail"), English().testSent(at: "W"),
            ]
            for (mine, theirs) in zip(phrases, english) { #expect(mine != theirs) }
            for event in ["repeat", "escalated"] { #expect(words.eventNote(event) != English().eventNote(event)) }
        }
        for kind in ReminderKind.allCases {
            #expect(ReminderTemplates.check(words.subject(kind)) == nil, "\(language) \(kind)")
        }
    }

    @Test(arguments: Language.allCases)
    func everyBuiltInTemplateCompilesForEveryStyle(_ language: Language) throws {
        for style in [ReminderTemplates.BodyStyle.full, .brief, .summary] {
            #expect(ReminderTemplates.check(language.phrasebook.body(style)) == nil)
            _ = try ReminderTemplates(style: style)
        }
    }
}

/// A reminder queued before languages existed (no `language` in its stored JSON) still decodes, and reads English.
@Suite struct ReminderLanguageCodingTests {
    @Test func anOldOutboxRowDecodesAsEnglish() throws {
        let french = LanguageFixture.reminder(.lowData, event: "firing", language: .fr)
        let stored = String(decoding: try JSONEncoder().encode(french), as: UTF8.self)
        #expect(stored.contains("\"language\":\"fr\""))
        #expect(try JSONDecoder().decode(Reminder.self, from: Data(stored.utf8)).language == .fr)
        let old = stored.replacing(",\"language\":\"fr\"", with: "").replacing("\"language\":\"fr\",", with: "")
        #expect(!old.contains("language"))
        let decoded = try JSONDecoder().decode(Reminder.self, from: Data(old.utf8))
        #expect(decoded.language == nil && decoded.readerLanguage == .en)
    }
}
