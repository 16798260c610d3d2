import FoundationEssentials
import SimwatchCore
import SimwatchHTTP
import Synchronization
import Testing

@testable import SimwatchChannels

@Suite struct AlertmanagerChannelTests {
    static let t0 = Date(timeIntervalSince1970: 1_795_132_800)
    static let urls = [try! EndpointURL(parsing: "https://am1:9093"), try! EndpointURL(parsing: "https://am2:9093/")]
    static let settings = AlertmanagerSettings(urls: urls, validFor: .hours(3), group: "travel")

    static func reminder(_ kind: ReminderKind = .lowData, event: String = "firing") throws -> Reminder {
        var reminder = RenewalFieldsTests.plain()
        reminder.kind = kind
        reminder.event = event
        reminder.details = ["at this pace it lasts 2 days", "renew before Friday"]
        reminder.renew = RenewalGuide(url: try RenewalGuide.Link(parsing: "https://shop.example/renew"))
        return reminder
    }

    @Test func aFiringReminderIsAnAlertKeyedOnItsLabels() throws {
        let alert = try #require(AlertmanagerAlert(try Self.reminder(), settings: Self.settings, now: Self.t0 + 60))
        #expect(
            alert.labels == [
                "alertname": "simwatch_low_data", "line": "l1", "rule": "low", "kind": "low_data",
                "severity": "warning", "group": "travel",
            ]
        )
        #expect(alert.annotations["summary"] == "Test line: 100 MB left")
        #expect(alert.annotations["line_name"] == "Test line")
        #expect(alert.annotations["description"] == "at this pace it lasts 2 days\nrenew before Friday")
        #expect(alert.annotations["renewal_url"] == "https://shop.example/renew")
        #expect(alert.annotations["runbook_url"] == nil)
        #expect(alert.startsAt == "2026-11-20T00:00:00+00:00")
        #expect(alert.endsAt == "2026-11-20T03:01:00+00:00", "active for valid_for after the post")
        let repeated = try #require(
            AlertmanagerAlert(try Self.reminder(event: "repeat"), settings: Self.settings, now: Self.t0 + 7200)
        )
        #expect(repeated.labels == alert.labels, "a repeat refreshes the same alert")
    }

    @Test func aResolutionEndsTheAlertWhenItResolved() throws {
        let alert = try #require(
            AlertmanagerAlert(try Self.reminder(event: "resolved"), settings: Self.settings, now: Self.t0 + 600)
        )
        #expect(alert.endsAt == "2026-11-20T00:00:00+00:00")
        #expect(alert.labels["alertname"] == "simwatch_low_data")
    }

    @Test func noticesMapToTheAlertTheyEnd() throws {
        #expect(
            AlertmanagerAlert(try Self.reminder(.renewed, event: "renewed"), settings: Self.settings, now: Self.t0)
                == nil
        )
        var confirmed = try Self.reminder(.renewalConfirmed, event: "resolved")
        confirmed.ruleID = nil
        confirmed.severity = .info
        let ended = try #require(AlertmanagerAlert(confirmed, settings: Self.settings, now: Self.t0))
        #expect(ended.labels["alertname"] == "simwatch_renewal_late" && ended.labels["severity"] == "warning")
        #expect(ended.labels["rule"] == nil && ended.endsAt == ended.startsAt)
        let test = try #require(
            AlertmanagerAlert(try Self.reminder(.test, event: "test"), settings: Self.settings, now: Self.t0)
        )
        #expect(test.endsAt == "2026-11-20T00:05:00+00:00")
    }

    @Test func theBodyIsAnArrayWithSortedKeys() throws {
        let alert = try #require(AlertmanagerAlert(try Self.reminder(), settings: Self.settings, now: Self.t0))
        let text = String(decoding: alert.body(), as: UTF8.self)
        #expect(text.hasPrefix("[{\"annotations\":{"))
        #expect(text.contains("\"labels\":{\"alertname\":\"simwatch_low_data\",\"group\":\"travel\",\"kind\""))
        #expect(!text.contains("generatorURL"))
    }

    @Test func postsToEveryPeerAndOneAcceptanceIsEnough() async throws {
        let seen = Mutex<[String]>([])
        let transport = ScriptedTransport { request throws(HTTPTransportError) in
            seen.withLock { $0.append(request.url) }
            if request.url.hasPrefix("https://am1") { throw HTTPTransportError(.connect, "connection refused") }
            return HTTPResponseSpec(status: 200, headers: [], body: [])
        }
        let channel = AlertmanagerChannel(settings: Self.settings, transport: transport, timeout: 5) { Self.t0 }
        try await channel.deliver(try Self.reminder())
        #expect(
            seen.withLock { $0.sorted() } == ["https://am1:9093/api/v2/alerts", "https://am2:9093/api/v2/alerts"]
        )
    }

    @Test func whenEveryPeerFailsTheMostHopefulFailureWins() {
        let refused = DeliveryError(.temporary, "connection refused")
        let bad = DeliveryError(.rejected, "HTTP 400: bad alert")
        let busy = DeliveryError(.temporary, "HTTP 503", retryAfter: 30)
        let urls = Self.urls
        #expect(AlertmanagerChannel.outcome(of: [bad, refused], urls: urls).code == .temporary)
        // No network to any peer: the reminder waits for the network and is never given up for it.
        let unreachable = DeliveryError(.offline, "could not resolve host")
        #expect(AlertmanagerChannel.outcome(of: [unreachable, unreachable], urls: urls).code == .offline)
        #expect(AlertmanagerChannel.outcome(of: [unreachable, bad], urls: urls).code == .temporary)
        #expect(AlertmanagerChannel.outcome(of: [bad, DeliveryError(.gone, "HTTP 410")], urls: urls).code == .rejected)
        #expect(AlertmanagerChannel.outcome(of: [refused, busy], urls: urls).retryAfter == 30)
        #expect(AlertmanagerChannel.outcome(of: [DeliveryError(.timeout, "slow")], urls: urls).code == .timeout)
        #expect(
            AlertmanagerChannel.outcome(of: [bad, refused], urls: urls).detail
                == "no Alertmanager accepted the alert: HTTP 400: bad alert; connection refused"
        )
    }
}

/// Answers each request with `answer`.
struct ScriptedTransport: HTTPTransport {
    let answer: @Sendable (HTTPRequestSpec) throws(HTTPTransportError) -> HTTPResponseSpec

    func send(_ request: HTTPRequestSpec) async throws(HTTPTransportError) -> HTTPResponseSpec {
        try answer(request)
    }
}
