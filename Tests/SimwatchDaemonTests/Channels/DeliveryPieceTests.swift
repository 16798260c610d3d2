import FoundationEssentials
import SimwatchChannels
import SimwatchCore
import SimwatchHTTP
import SimwatchStore
import Testing

@testable import SimwatchDaemon

@Suite struct DeliveryPieceTests {
    static let t0 = Date(timeIntervalSince1970: 1_795_132_800)

    static func item(attempts: Int, created: Date = t0) -> OutboxItem {
        let r = ReminderTemplatesFixture.reminder(created: created)
        return OutboxItem(reminder: r, state: .pending, attempts: attempts, nextAttempt: created, lastError: nil)
    }

    @Test func policyBacksOffWithJitterAndGivesUp() {
        let policy = DeliveryPolicy(nil, random: { 0.5 })
        #expect((0...8).map { policy.backoff(afterAttempts: $0) } == [30, 60, 120, 240, 480, 960, 1920, 3600, 3600])
        #expect(DeliveryPolicy(nil, random: { 0 }).backoff(afterAttempts: 1) == 45)
        #expect(DeliveryPolicy(nil, random: { 0.999_999 }).backoff(afterAttempts: 1) < 75)

        let temporary = DeliveryError(.temporary, "down")
        let retry = policy.outcome(of: Self.item(attempts: 0), failure: temporary, channelExists: true, now: Self.t0)
        #expect(retry.retryAt == Self.t0 + TimeSpan(seconds: 60))
        let asked = DeliveryError(.temporary, "busy", retryAfter: 900)
        #expect(
            policy.outcome(of: Self.item(attempts: 0), failure: asked, channelExists: true, now: Self.t0).retryAt
                == Self.t0 + .minutes(15)
        )
        let late = Self.t0 + .days(1)
        #expect(
            policy.outcome(of: Self.item(attempts: 9), failure: temporary, channelExists: true, now: late).retryAt
                == nil
        )

        let rejected = DeliveryError(.rejected, "HTTP 400")
        #expect(
            policy.outcome(of: Self.item(attempts: 1), failure: rejected, channelExists: true, now: Self.t0).retryAt
                != nil
        )
        #expect(
            policy.outcome(of: Self.item(attempts: 2), failure: rejected, channelExists: true, now: Self.t0).retryAt
                == nil
        )
        let gone = DeliveryError(.gone, "HTTP 410")
        #expect(
            policy.outcome(of: Self.item(attempts: 0), failure: gone, channelExists: true, now: Self.t0).retryAt == nil
        )
        let success = policy.outcome(of: Self.item(attempts: 3), failure: nil, channelExists: true, now: Self.t0)
        #expect(success.error == nil)

        var settings = ChannelSettings(name: "mail", kind: DesktopSettings())
        settings.giveUpAfter = .hours(2)
        let short = DeliveryPolicy(settings, random: { 0.5 })
        #expect(
            short.outcome(of: Self.item(attempts: 1), failure: temporary, channelExists: true, now: Self.t0 + .hours(2))
                .retryAt == nil
        )
    }
}

enum ReminderTemplatesFixture {
    static func reminder(created: Date, channel: String = "mail") -> Reminder {
        Reminder(
            id: "l1/low/1/1/\(channel)",
            channel: channel,
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
            createdAt: created,
            notBefore: created,
            timeZone: "UTC"
        )
    }
}
