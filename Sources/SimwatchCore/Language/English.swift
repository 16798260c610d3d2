/// English, the words simwatch has always used: "Orange Holiday: 820 MB left of 5 GB (16%), at this pace it lasts
/// 3d, plan expires Fri 4 Dec 10:00 CET: renew now".
public struct English: Phrasebook {
    public init() {}

    public var language: Language { .en }

    public func bytes(_ count: ByteCount) -> String { count.description }
    public func money(_ amount: Money) -> String { amount.description }
    public func rate(_ value: Double, currency: String) -> String { Money.rate(value, currency: currency) }
    public func dateTime(_ time: LocalDateTime) -> String { time.humanDescription }
    public func day(_ time: LocalDateTime) -> String { time.dayDescription }
    public func span(_ span: TimeSpan) -> String { span.description }
    public func percent(_ value: Int) -> String { "\(value)%" }
    public func perDay(_ amount: String) -> String { "\(amount)/day" }
    public func fromNow(_ span: String) -> String { "in \(span)" }

    public func summary(_ name: String, _ parts: [String], action: String?) -> String {
        name + ": " + parts.joined(separator: ", ") + (action.map { ": " + $0 } ?? "")
    }

    public func act(topUp: Bool, url: String?) -> String {
        let verb = topUp ? "top up" : "renew now"
        return url.map { "\(verb) at \($0)" } ?? verb
    }

    public func remaining(_ left: String, of total: String?, percent: String?) -> String {
        guard let total, let percent else { return "\(left) left" }
        return "\(left) left of \(total) (\(percent))"
    }

    public var dataUsedUp: String { "data used up" }
    public var dataLow: String { "data low" }
    public func lasts(_ span: String) -> String { "at this pace it lasts \(span)" }
    public func planExpires(_ when: String, past: Bool) -> String { "plan \(past ? "expired" : "expires") \(when)" }
    public func planExpiresIn(_ span: String, _ when: String) -> String { "plan expires in \(span) (\(when))" }
    public var planExpired: String { "plan expired" }
    public var noDataLeft: String { "no data left" }
    public func left(_ amount: String) -> String { "\(amount) left" }
    public func shows(_ amount: String) -> String { "\(amount) left" }

    public func runsOut(pace: String?, in span: String, _ when: String) -> String {
        "at this pace\(pace.map { " (\($0))" } ?? "") data runs out in \(span) (\(when))"
    }

    public func beforeExpiry(_ span: String) -> String { "\(span) before the plan expires" }
    public func useAtMost(_ amount: String) -> String { "use at most \(perDay(amount)) to last" }

    public func credit(_ credit: String?, below: String?) -> String {
        "credit \(credit ?? "unknown")" + (below.map { ", below \($0)" } ?? "")
    }

    public func noReading(for span: String, last: String?, error: String?) -> String {
        "no reading for \(span)" + (last.map { " (last \($0))" } ?? "") + (error.map { ": \($0)" } ?? "")
    }

    public var renewed: String { "renewed" }
    public func available(_ amount: String) -> String { "\(amount) available" }
    public func validUntil(_ when: String) -> String { "valid until \(when)" }
    public var renewalNotArrived: String { "the renewal has not arrived" }
    public var renewalArrived: String { "the renewal arrived" }
    public var renewButton: String { "Renew" }
    public var testReminder: String { "test reminder from simwatch" }
    public func testThrough(_ channel: String) -> String {
        "test reminder through \(channel); if you read this, the channel works"
    }
    public func testSent(at when: String) -> String { "Sent by simwatchctl test-notify at \(when)" }

    public var theProvider: String { "the provider" }

    public func renewalCheck(of when: String, waited: String?, source: String, figures: [String]) -> String {
        let shows =
            figures.isEmpty
            ? "" : ": \(source) \(waited == nil ? "shows" : "still shows") " + figures.joined(separator: ", ")
        guard let waited else { return "the renewal of \(when) arrived\(shows)" }
        return "the renewal of \(when) has not arrived after \(waited)\(shows)"
    }

    public func confirmedBy(_ source: String, at when: String) -> String { "Confirmed by \(source) at \(when)." }
    public func contactSupport(_ support: String) -> String { "Contact support: \(support)." }
    public func asOf(_ when: String) -> String { " — as of \(when) (last reading)" }
    public func raised(_ when: String, deliveredLater span: String) -> String {
        "Raised \(when), delivered \(span) later."
    }
    public var checkWithProvider: String {
        "Check the provider's page, or contact its support with the order number."
    }
    public func recordedKeepsWatching(_ when: String) -> String {
        "Recorded \(when); simwatch keeps watching and says when it arrives."
    }

    public func detailRemaining(_ phrase: String) -> String { "Remaining: \(phrase)" }
    public func detailExpires(_ when: String, iso: String) -> String { "Expires: \(when) (\(iso))" }
    public func detailPace(_ perDay: String) -> String { "Pace: \(perDay)" }
    public func detailAllowance(_ perDay: String) -> String { "To last until expiry: \(perDay)" }
    public func detailCredit(_ credit: String) -> String { "Credit: \(credit)" }
    public func detailRule(_ id: String, kind: String, severity: String) -> String {
        "Rule: \(id) (\(kind), \(severity))"
    }
    public func detailSource(_ source: String, observed: String, estimated: Bool) -> String {
        "Source: \(source), observed \(observed)\(estimated ? " (estimate)" : "")"
    }

    /// "Renew at https://… or in the Orange et moi app; support +33 9 69 36 39 00."
    public func renewal(_ guide: RenewalGuide) -> String {
        var ways: [String] = []
        if let url = guide.url { ways.append("at \(url)") }
        if let app = guide.app {
            let named = app.lowercased().contains("app") ? app : "the \(app) app"
            ways.append("in \(named)")
        }
        if let shop = guide.shop { ways.append("at a shop (\(shop))") }
        if let code = guide.code {
            switch code {
            case .ussd(let code): ways.append("by dialling \(code)")
            case .sms(let number, let body): ways.append("by texting \(body) to \(number)")
            }
        }
        var parts: [String] = []
        if !ways.isEmpty { parts.append("Renew \(Self.list(ways, or: " or "))") }
        if let support = guide.support { parts.append(parts.isEmpty ? "Support: \(support)" : "support \(support)") }
        var text = parts.joined(separator: "; ")
        if !text.isEmpty { text += "." }
        if let note = guide.note { text += text.isEmpty ? note : " \(note)" }
        return text
    }

    /// "At your pace (590 MB/day) you need about 9.4 GB until Sun 20 Dec: Orange Holiday 10 GB, 20 EUR, covers it
    /// (2.00 EUR/GB)."
    public func advice(_ advice: OfferAdvice, zone: ZoneInfo) -> String? {
        guard let need = advice.need, let first = advice.picks.first else { return nil }
        let day = day(zone.localDateTime(need.until))
        var text = "At your pace (\(perDay(bytes(need.pace)))) "
        text +=
            need.data.bytes > 0
            ? "you need about \(bytes(need.data)) until \(day): "
            : "the data left lasts until \(day); to keep the line until then: "
        text += option(first)
        for other in advice.picks.dropFirst() {
            text += "; in \(other.offer.price.currency): " + option(other)
        }
        if advice.picks.count > 1 { text += " (prices in different currencies are not compared)" }
        return text + "."
    }

    /// "Orange Holiday 10 GB, 20 EUR, covers it (2.00 EUR/GB)", "3 × Orange 1 GB, 15 EUR, covers it (...)".
    func option(_ option: OfferAdvice.Option) -> String {
        let times = (option.count ?? 1) > 1 ? "\(option.count ?? 1) × " : ""
        let total = money(option.totalCost ?? option.offer.price)
        let perGB =
            option.costPerGB.map { rate($0, currency: option.offer.price.currency) + "/GB" } ?? "unlimited data"
        return "\(times)\(option.offer.name), \(total), covers it (\(perGB))"
    }

    public func subject(_ kind: ReminderKind) -> String {
        switch kind {
        case .lowData: "Low data on {{line.name}}{{#remaining}}: {{remaining}} left{{/remaining}}{{event_note}}"
        case .expiring:
            "{{#expired}}Plan expired{{/expired}}{{^expired}}Plan expires {{expires_in}}{{/expired}}: {{line.name}}"
                + "{{event_note}}"
        case .runsOut: "Data on {{line.name}} runs out {{#runs_out_in}}in {{runs_out_in}}{{/runs_out_in}}{{event_note}}"
        case .creditLow: "Low credit on {{line.name}}{{#credit}}: {{credit}}{{/credit}}{{event_note}}"
        case .stale: "No reading from {{line.name}}{{event_note}}"
        case .renewed: "{{line.name}} renewed"
        case .renewalLate: "Renewal of {{line.name}} has not arrived"
        case .renewalConfirmed: "Renewal of {{line.name}} arrived"
        case .test: "Test reminder from simwatch ({{channel}})"
        }
    }

    public var fullBodyFooter: String {
        """
        Line: {{line.name}} ({{line.id}})
        Raised: {{created}}
        Notification id: {{id}}
        --\u{20}
        simwatch: prepaid SIM and eSIM reminders
        """
    }

    public func eventNote(_ event: String) -> String {
        switch event {
        case "repeat": " (reminder)"
        case "escalated": " (escalated)"
        default: ""
        }
    }

    /// "a", "a or b", "a, b or c".
    static func list(_ items: [String], or: String, comma: String = ", ") -> String {
        items.count == 1 ? items[0] : items.dropLast().joined(separator: comma) + or + items[items.count - 1]
    }
}
