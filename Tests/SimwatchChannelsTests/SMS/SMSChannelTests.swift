import SimwatchCore
import Testing

@testable import SimwatchChannels

/// What a reminder becomes as an SMS: the summary, the renewal sentence and the advice when they fit, the page last.
@Suite struct SMSChannelTests {
    func channel(maxParts: Int = 3) throws -> SMSChannel {
        SMSChannel(
            name: "sms",
            settings: SMSSettings(to: [try PhoneNumber(parsing: "+33612345678")], maxParts: maxParts),
            templates: try ReminderTemplates(style: .summary),
            timeout: 30,
            zone: .utc
        )
    }

    static let page = "https://boutique.orange.fr/recharge"

    /// A low-data reminder as the composer makes it for a line with `[line.renew]` and offers.
    static func reminder() throws -> Reminder {
        var reminder = try RenewalFieldsTests.reminder(url: page)
        let renew = try #require(reminder.renew)
        reminder.summary = "Test line: 100 MB left of 5 GB (2%): renew now at \(page)"
        reminder.advice = "At your pace (450 MB/day) you need about 2 GB until Fri 4 Dec: the 2 GB pass covers it."
        reminder.details = [renew.sentence, reminder.advice!, "Remaining: 100 MB left of 5 GB (2%)"]
        return reminder
    }

    @Test func summaryRenewalAdviceAndPage() throws {
        let reminder = try Self.reminder()
        let sms = try channel().message(for: reminder)
        let lines = sms.text.split(separator: "\n").map(String.init)
        #expect(lines.count == 4, "\(lines)")
        #expect(lines[0] == "Test line: 100 MB left of 5 GB (2%): renew now")
        #expect(lines[1].hasPrefix("Renew in the Orange et moi app") && lines[1].contains("#124*CODE#"), "\(lines[1])")
        #expect(lines[2] == reminder.advice)
        #expect(lines[3] == Self.page)
        #expect(sms.parts <= 3 && !sms.shortened)
    }

    @Test func oneMessageKeepsTheSummaryAndThePage() throws {
        let sms = try channel(maxParts: 1).message(for: try Self.reminder())
        #expect(sms.text == "Test line: 100 MB left of 5 GB (2%): renew now\n\(Self.page)")
        #expect(sms.parts == 1 && sms.shortened)
    }

    @Test func aRenewedLineGetsNoPage() throws {
        var reminder = try Self.reminder()
        reminder.kind = .renewed
        reminder.summary = "Test line: renewed, 5 GB available"
        reminder.details = ["Remaining: 5 GB"]
        reminder.advice = nil
        #expect(try channel().message(for: reminder).text == "Test line: renewed, 5 GB available")
    }

    @Test func retriesSkipNumbersThatGotTheReminder() throws {
        let sent = SentNumbers()
        let a = try PhoneNumber(parsing: "+33612345678")
        let b = try PhoneNumber(parsing: "+33698765432")
        sent.record("r1", [a])
        #expect(sent.contains("r1", a) && !sent.contains("r1", b) && !sent.contains("r2", a))
        for n in 0..<SentNumbers.capacity { sent.record("other\(n)", [b]) }
        #expect(!sent.contains("r1", a), "the oldest are forgotten")
    }
}
