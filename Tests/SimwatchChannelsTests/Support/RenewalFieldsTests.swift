import FoundationEssentials
import SimwatchCore
import SimwatchHTTP
import SimwatchSystemd
import Testing

@testable import SimwatchChannels

/// `[line.renew]` reaches every channel: journal fields, the webhook's `renew` object, ntfy's click and button.
@Suite struct RenewalFieldsTests {
    static let t0 = Date(timeIntervalSince1970: 1_795_132_800)

    /// A low-data reminder without `[line.renew]`.
    static func plain() -> Reminder {
        Reminder(
            id: "l1/low/1/1/phone",
            channel: "phone",
            kind: .lowData,
            event: "firing",
            severity: .warning,
            lineID: "l1",
            lineName: "Test line",
            ruleID: "low",
            episode: 1,
            occurrence: 1,
            stage: 0,
            summary: "Test line: 100 MB left",
            details: [],
            remaining: ByteCount(bytes: 100_000_000),
            total: nil,
            expiresAt: nil,
            runsOutAt: nil,
            createdAt: t0,
            notBefore: t0,
            timeZone: "UTC"
        )
    }

    static func reminder(url: String = "https://boutique.orange.fr/recharge") throws -> Reminder {
        var reminder = plain()
        reminder.renew = RenewalGuide(
            url: try RenewalGuide.Link(parsing: url),
            app: "Orange et moi",
            code: try RechargeCode(parsing: "#124*CODE#"),
            support: try SupportContact(parsing: "+33 9 69 36 39 00")
        )
        return reminder
    }

    @Test func journalFieldsNameEachPart() throws {
        let fields = JournalChannel.fields(try Self.reminder(), zone: .utc).filter { $0.0.hasPrefix("SIMWATCH_RENEW_") }
        #expect(
            fields.map(\.0) == [
                "SIMWATCH_RENEW_URL", "SIMWATCH_RENEW_APP", "SIMWATCH_RENEW_CODE", "SIMWATCH_RENEW_SUPPORT",
            ]
        )
        #expect(fields.first?.1 == "https://boutique.orange.fr/recharge")
        let plain = Self.plain()
        #expect(!JournalChannel.fields(plain, zone: .utc).contains { $0.0.hasPrefix("SIMWATCH_RENEW_") })
    }

    @Test func webhookCarriesARenewObject() throws {
        let payload = WebhookPayload(try Self.reminder(), zone: .utc, title: "t", text: "x", now: Self.t0)
        let json = try JSONNode(parsing: payload.encoded())
        #expect(json.at(pointer: "/data/renew/url")?.stringValue == "https://boutique.orange.fr/recharge")
        #expect(json.at(pointer: "/data/renew/app")?.stringValue == "Orange et moi")
        #expect(json.at(pointer: "/data/renew/code")?.stringValue == "#124*CODE#")
        let sentence = json.at(pointer: "/data/renew/sentence")?.stringValue
        #expect(sentence?.hasPrefix("Renew at https://boutique.orange.fr/recharge, in the Orange et moi app") == true)
        let plain = WebhookPayload(
            Self.plain(),
            zone: .utc,
            title: "t",
            text: "x",
            now: Self.t0
        )
        #expect(try JSONNode(parsing: plain.encoded()).at(pointer: "/data/renew") == nil)
    }

    func ntfyHeaders(_ reminder: Reminder) throws -> [String: String] {
        let channel = NtfyChannel(
            settings: NtfySettings(url: try EndpointURL(parsing: "http://127.0.0.1:8080/topic"), token: nil),
            token: nil,
            templates: try ReminderTemplates(style: .brief),
            transport: NoTransport(),
            timeout: 5,
            zone: .utc
        )
        return Dictionary(channel.request(for: reminder).headers.map { ($0.name, $0.value) }) { first, _ in first }
    }

    @Test func ntfyOpensThePageOnATapAndFromAButton() throws {
        let headers = try ntfyHeaders(try Self.reminder())
        #expect(headers["Click"] == "https://boutique.orange.fr/recharge")
        #expect(headers["Actions"] == "view, Renew, https://boutique.orange.fr/recharge")
    }

    @Test func theButtonSpeaksTheReadersLanguageWhereAHeaderCanHoldIt() throws {
        var french = try Self.reminder()
        french.language = .fr
        #expect(try ntfyHeaders(french)["Actions"] == "view, Recharger, https://boutique.orange.fr/recharge")
        var chinese = try Self.reminder()
        chinese.language = .zh
        #expect(try ntfyHeaders(chinese)["Actions"] == "view, Renew, https://boutique.orange.fr/recharge")
    }

    @Test(arguments: [(Language.en, "Renew"), (.fr, "Recharger"), (.zh, "续费")])
    func theDesktopButtonSpeaksTheReadersLanguage(_ language: Language, _ label: String) throws {
        var reminder = try Self.reminder()
        reminder.language = language
        let channel = DesktopChannel(
            settings: DesktopSettings(),
            templates: try ReminderTemplates(style: .brief),
            timeout: 5,
            zone: .utc
        )
        let notice = channel.notice(for: reminder)
        #expect(notice.buttonLabel == label)
        #expect(notice.link == "https://boutique.orange.fr/recharge")
    }

    @Test func aURLTheButtonCannotHoldKeepsOnlyTheClick() throws {
        let headers = try ntfyHeaders(try Self.reminder(url: "https://shop.example/r?a=1,2;b"))
        #expect(headers["Click"] == "https://shop.example/r?a=1,2;b")
        #expect(headers["Actions"] == nil)
        #expect(try ntfyHeaders(Self.plain())["Click"] == nil)
    }
}

/// Never used: the tests look at the request an ntfy channel builds, not at its sending.
struct NoTransport: HTTPTransport {
    func send(_ request: HTTPRequestSpec) async throws(HTTPTransportError) -> HTTPResponseSpec {
        HTTPResponseSpec(status: 500, headers: [], body: [])
    }
}
