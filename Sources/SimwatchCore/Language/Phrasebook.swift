public import FoundationEssentials

/// The words of one language: how quantities, dates and durations are written, the fragments reminders are made
/// of, and the built-in templates. `ReminderComposer` puts the fragments together; it holds no words of its own.
/// Arguments are already formatted by the same phrasebook (a `String` amount is `bytes(_:)`'s, a `when` is
/// `dateTime(_:)`'s). One implementation per language, one file each (`English`, `French`, `Chinese`).
public protocol Phrasebook: Sendable {
    var language: Language { get }

    // Quantities, dates and durations.

    /// "2.1 GB", "2,1 Go".
    func bytes(_ count: ByteCount) -> String
    /// "4.50 EUR", "4,50 €".
    func money(_ amount: Money) -> String
    /// A price per unit rounded to cents: "2.00 EUR", "2,00 €".
    func rate(_ value: Double, currency: String) -> String
    /// "Fri 4 Dec 10:00 CET", "ven. 4 déc. 10:00 CET", "12月4日 周五 10:00 CET".
    func dateTime(_ time: LocalDateTime) -> String
    /// "Fri 4 Dec", "ven. 4 déc.", "12月4日 周五".
    func day(_ time: LocalDateTime) -> String
    /// "3d 4h", "3 j 4 h", "3天4小时".
    func span(_ span: TimeSpan) -> String
    /// "16%", "16 %".
    func percent(_ value: Int) -> String
    /// "300 MB/day", "300 Mo/jour", "300 MB/天".
    func perDay(_ amount: String) -> String
    /// A duration from now, for templates' `expires_in`: "in 3d", "dans 3 j", "3天后".
    func fromNow(_ span: String) -> String

    // Putting a summary together.

    /// "NAME: part, part: action".
    func summary(_ name: String, _ parts: [String], action: String?) -> String
    /// "renew now" (`topUp`: "top up"), with the top-up page when there is one.
    func act(topUp: Bool, url: String?) -> String

    // Data and expiry.

    /// "820 MB left of 5 GB (16%)", "820 MB left".
    func remaining(_ left: String, of total: String?, percent: String?) -> String
    var dataUsedUp: String { get }
    var dataLow: String { get }
    /// "at this pace it lasts 3d".
    func lasts(_ span: String) -> String
    /// "plan expires Fri 4 Dec 10:00 CET", "plan expired ...".
    func planExpires(_ when: String, past: Bool) -> String
    /// "plan expires in 3d (Fri 4 Dec 10:00 CET)".
    func planExpiresIn(_ span: String, _ when: String) -> String
    /// "plan expired", when it is not known when.
    var planExpired: String { get }
    var noDataLeft: String { get }
    /// "500 MB left".
    func left(_ amount: String) -> String
    /// What a provider shows is left, in a list of figures: "500 MB left", "500 Mo restants".
    func shows(_ amount: String) -> String
    /// "at this pace (600 MB/day) data runs out in 2d (Sun 29 Nov 00:00 UTC)".
    func runsOut(pace: String?, in span: String, _ when: String) -> String
    /// "1d before the plan expires".
    func beforeExpiry(_ span: String) -> String
    /// "use at most 400 MB/day to last"; `amount` is per day.
    func useAtMost(_ amount: String) -> String

    // Credit, silence, renewals, tests.

    /// "credit 4.50 EUR, below 5 EUR"; `nil` credit is unknown.
    func credit(_ credit: String?, below: String?) -> String
    /// "no reading for 3d (last Fri ...): timeout".
    func noReading(for span: String, last: String?, error: String?) -> String
    var renewed: String { get }
    /// "2 GB available".
    func available(_ amount: String) -> String
    /// "valid until Fri 4 Dec 10:00 CET".
    func validUntil(_ when: String) -> String
    var renewalNotArrived: String { get }
    var renewalArrived: String { get }
    /// The label of a notice's button that opens the renewal page: "Renew".
    var renewButton: String { get }
    var testReminder: String { get }
    /// `simwatchctl test-notify`'s summary after the name: "test reminder through mail; if you read this, the
    /// channel works".
    func testThrough(_ channel: String) -> String
    /// "Sent by simwatchctl test-notify at W".
    func testSent(at when: String) -> String

    // The check of a renewal recorded by hand.

    /// "the provider", when the reading names no source.
    var theProvider: String { get }
    /// "the renewal of W arrived: airalo shows 10 GB left, valid until W" or "the renewal of W has not arrived
    /// after 2h: airalo still shows 120 MB left" (`waited` set); `figures` are `shows(_:)`s and `validUntil(_:)`s.
    func renewalCheck(of when: String, waited: String?, source: String, figures: [String]) -> String
    /// "Confirmed by airalo at W."
    func confirmedBy(_ source: String, at when: String) -> String
    /// "Contact support: +33 ...."
    func contactSupport(_ support: String) -> String
    /// What to do without a support contact.
    var checkWithProvider: String { get }
    /// Added to the summary of a reminder whose reading is old: " — as of Tue 10:02 (last reading)".
    func asOf(_ when: String) -> String
    /// The last detail line of a reminder delivered late: "Raised Fri 20 Nov 00:00 UTC, delivered 7h later."
    func raised(_ when: String, deliveredLater span: String) -> String
    /// "Recorded W; simwatch keeps watching and says when it arrives."
    func recordedKeepsWatching(_ when: String) -> String

    // Detail lines.

    /// "Remaining: 820 MB left of 5 GB (16%)"; `phrase` is `remaining(...)`'s.
    func detailRemaining(_ phrase: String) -> String
    func detailExpires(_ when: String, iso: String) -> String
    func detailPace(_ perDay: String) -> String
    func detailAllowance(_ perDay: String) -> String
    func detailCredit(_ credit: String) -> String
    func detailRule(_ id: String, kind: String, severity: String) -> String
    func detailSource(_ source: String, observed: String, estimated: Bool) -> String

    // Longer sentences.

    /// `[line.renew]` in one sentence; empty when nothing is set.
    func renewal(_ guide: RenewalGuide) -> String
    /// Which offer covers the need; nil without a need or an offer that covers it.
    func advice(_ advice: OfferAdvice, zone: ZoneInfo) -> String?

    // Built-in templates.

    /// The subject template of `kind`.
    func subject(_ kind: ReminderKind) -> String
    /// The full body's lines after the details (line, raised, id, signature).
    var fullBodyFooter: String { get }
    /// " (reminder)" for repeats, " (escalated)" for escalations, else empty.
    func eventNote(_ event: String) -> String
}

extension Phrasebook {
    /// A zone's time of `date` in this language.
    public func when(_ date: Date, zone: ZoneInfo) -> String { dateTime(zone.localDateTime(date)) }

    /// A rounded duration between two instants: whole minutes past an hour, never negative.
    public func span(from: Date, to: Date) -> String {
        let seconds = Int64(max(0, to.timeIntervalSince(from)))
        return span(TimeSpan(seconds: seconds >= 3600 ? seconds / 60 * 60 : seconds))
    }

    /// The built-in body template for `style`.
    public func body(_ style: ReminderTemplates.BodyStyle) -> String {
        switch style {
        case .summary: "{{summary}}"
        case .brief: "{{summary}}\n{{#details}}\n{{.}}\n{{/details}}"
        case .full: "{{summary}}\n\n{{#details}}\n{{.}}\n{{/details}}\n\n" + fullBodyFooter
        }
    }
}
