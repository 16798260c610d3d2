import FoundationEssentials
import Logging
import SimwatchChannels
import SimwatchConfig
import SimwatchCore
import SimwatchStore
import SimwatchTestKit
import Synchronization
import Testing

@testable import SimwatchDaemon

/// A channel that finds no network until told it is back.
final class OfflineChannel: NotificationChannel {
    private let state = Mutex<(delivered: [Reminder], offline: Bool)>(([], true))

    var delivered: [Reminder] { state.withLock { $0.delivered } }

    func setOffline(_ offline: Bool) { state.withLock { $0.offline = offline } }

    func deliver(_ reminder: Reminder) async throws {
        try state.withLock { s throws(DeliveryError) in
            if s.offline { throw DeliveryError(.offline, "connect: Could not resolve host: ntfy.example.org") }
            s.delivered.append(reminder)
        }
    }
}

/// Delivery that rides out being offline: the policy's online time, the backlog's coalescing, and the dispatcher
/// putting them together.
@Suite struct OfflineDeliveryTests {
    static let t0 = DeliveryPieceTests.t0

    static func item(
        attempts: Int = 0,
        offlineAttempts: Int = 0,
        lastAttempt: Date? = nil,
        offline: Bool = false,
        onlineSpent: Double = 0
    ) -> OutboxItem {
        OutboxItem(
            reminder: ReminderTemplatesFixture.reminder(created: t0),
            state: .pending,
            attempts: attempts,
            nextAttempt: t0,
            lastError: nil,
            onlineSpent: onlineSpent,
            lastAttempt: lastAttempt,
            offline: offline,
            offlineAttempts: offlineAttempts
        )
    }

    // MARK: give_up_after counts only time online

    @Test func anOfflineFailureNeverGivesUpAndIsTriedAgainWithinFiveMinutes() {
        let policy = DeliveryPolicy(nil, random: { 0.5 })
        let offline = DeliveryError(.offline, "no route")
        for (attempts, now) in [(0, Self.t0), (5, Self.t0 + .days(3)), (400, Self.t0 + .days(30))] {
            let item = Self.item(attempts: attempts, offlineAttempts: attempts, lastAttempt: now - .minutes(5))
            let outcome = policy.outcome(of: item, failure: offline, channelExists: true, now: now)
            #expect(outcome.offline)
            #expect(outcome.onlineSpent == 0, "time offline counted")
            let wait = try? #require(outcome.retryAt).timeIntervalSince(now)
            #expect(wait.map { $0 > 0 && $0 <= DeliveryPolicy.offlineRetryCap } == true, "\(String(describing: wait))")
        }
        // Backing off while offline: 60 s, 120 s, 240 s, then 5 minutes.
        let waits = (0...4).map { n in
            policy.outcome(of: Self.item(offlineAttempts: n), failure: offline, channelExists: true, now: Self.t0)
                .retryAt.map { $0.timeIntervalSince(Self.t0) }
        }
        #expect(waits == [60, 120, 240, 300, 300])
    }

    /// (time online so far, last attempt found no network, this attempt's failure, minutes since the last attempt,
    /// given up?) with `give_up_after` = 1 day.
    static let onlineTime: [(Double, Bool, DeliveryError.Code, Double, Bool)] = [
        (0, false, .temporary, 60, false),
        (86_400 - 3600, false, .temporary, 59, false),
        (86_400 - 3600, false, .temporary, 60, true),
        // The wait since an attempt that found no network is time offline.
        (86_400 - 3600, true, .temporary, 600, false),
        // An attempt that finds no network adds nothing, however long it was.
        (86_400 - 3600, false, .offline, 600, false),
        (86_400 * 5, false, .offline, 600, false),
        (86_400 - 60, false, .timeout, 1, true),
        (86_400 - 60, false, .misconfigured, 1, true),
    ]

    @Test(arguments: onlineTime)
    func giveUpAfterCountsOnlyTimeOnline(
        _ spent: Double,
        _ wasOffline: Bool,
        _ code: DeliveryError.Code,
        _ minutes: Double,
        _ givenUp: Bool
    ) {
        let policy = DeliveryPolicy(nil, random: { 0.5 })
        let now = Self.t0 + .days(10)
        let item = Self.item(
            attempts: 4,
            offlineAttempts: wasOffline ? 1 : 0,
            lastAttempt: now.addingTimeInterval(-minutes * 60),
            offline: wasOffline,
            onlineSpent: spent
        )
        let outcome = policy.outcome(of: item, failure: DeliveryError(code, "x"), channelExists: true, now: now)
        #expect((outcome.retryAt == nil) == givenUp)
        let added = code == .offline || wasOffline ? 0 : minutes * 60
        #expect(outcome.onlineSpent == spent + added)
    }

    @Test func attemptsThatFoundNoNetworkAreNotTheChannelsFailures() {
        let policy = DeliveryPolicy(nil, random: { 0.5 })
        let rejected = DeliveryError(.rejected, "HTTP 400")
        let afterOutage = Self.item(attempts: 3, offlineAttempts: 2, lastAttempt: Self.t0)
        #expect(policy.outcome(of: afterOutage, failure: rejected, channelExists: true, now: Self.t0).retryAt != nil)
        let twice = Self.item(attempts: 4, offlineAttempts: 2, lastAttempt: Self.t0)
        #expect(policy.outcome(of: twice, failure: rejected, channelExists: true, now: Self.t0).retryAt == nil)
        // The first failure after an outage waits as a first failure does.
        let temporary = DeliveryError(.temporary, "HTTP 503")
        let onlyOffline = Self.item(attempts: 2, offlineAttempts: 2, lastAttempt: Self.t0)
        #expect(
            policy.outcome(of: onlyOffline, failure: temporary, channelExists: true, now: Self.t0).retryAt
                == Self.t0 + TimeSpan(seconds: 60)
        )
    }

    @Test func networkChannelsDefaultToTwoDaysOnline() {
        #expect(ChannelSettings.networkGiveUpAfter == .days(2))
        #expect(AnyChannelKind(DesktopSettings()).usesNetwork == false)
        #expect(SMSSettings.usesNetwork == false && DesktopSettings.usesNetwork == false)
        #expect(EmailSettings.usesNetwork && WebhookSettings.usesNetwork && NtfySettings.usesNetwork)
    }

    // MARK: the backlog: the latest state of each alert, critical first

    static func pending(
        _ line: String,
        _ rule: String?,
        episode: Int = 1,
        occurrence: Int,
        severity: Severity = .warning,
        minute: Int,
        kind: ReminderKind = .lowData
    ) -> OutboxItem {
        var r = ReminderTemplatesFixture.reminder(created: t0 + .minutes(minute))
        r.id = Reminder.stableID(line: line, rule: rule, episode: episode, occurrence: occurrence, channel: "mail")
        r.lineID = line
        r.ruleID = rule
        r.episode = episode
        r.occurrence = occurrence
        r.severity = severity
        r.kind = kind
        return OutboxItem(reminder: r, state: .pending, attempts: 0, nextAttempt: r.createdAt, lastError: nil)
    }

    /// (due, sent in this order, superseded as "replaced>by")
    static let backlogs: [([OutboxItem], [String], [String])] = [
        ([], [], []),
        ([pending("a", "low", occurrence: 1, minute: 0)], ["a/low/1/1/mail"], []),
        // Repeats of one alert: only the latest.
        (
            [
                pending("a", "low", occurrence: 1, minute: 0), pending("a", "low", occurrence: 2, minute: 60),
                pending("a", "low", occurrence: 3, minute: 120),
            ],
            ["a/low/1/3/mail"],
            ["a/low/1/1/mail>a/low/1/3/mail", "a/low/1/2/mail>a/low/1/3/mail"]
        ),
        // The outbox's order is not the alert's: the latest occurrence wins wherever it is.
        (
            [pending("a", "low", occurrence: 2, minute: 60), pending("a", "low", occurrence: 1, minute: 0)],
            ["a/low/1/2/mail"],
            ["a/low/1/1/mail>a/low/1/2/mail"]
        ),
        // Another episode, rule or line is another alert; critical first, then in the order raised.
        (
            [
                pending("a", "low", episode: 1, occurrence: 1, minute: 0),
                pending("a", "low", episode: 2, occurrence: 1, minute: 10),
                pending("a", "expiry", occurrence: 1, severity: .critical, minute: 20, kind: .expiring),
                pending("b", "low", occurrence: 1, severity: .info, minute: 5),
                pending("b", "low", occurrence: 2, severity: .critical, minute: 30),
            ],
            ["a/expiry/1/1/mail", "b/low/1/2/mail", "a/low/1/1/mail", "a/low/2/1/mail"],
            ["b/low/1/1/mail>b/low/1/2/mail"]
        ),
        // Renewal notices (no rule) are kept apart per renewal.
        (
            [
                pending("a", nil, episode: 1, occurrence: 1, minute: 0, kind: .renewed),
                pending("a", nil, episode: 2, occurrence: 1, minute: 5, kind: .renewed),
            ],
            ["a/+renewed/1/1/mail", "a/+renewed/2/1/mail"],
            []
        ),
    ]

    @Test(arguments: backlogs)
    func theBacklogIsCoalescedCriticalFirst(_ due: [OutboxItem], _ sent: [String], _ superseded: [String]) {
        let plan = OutboxBacklog(due)
        #expect(plan.send.map(\.reminder.id) == sent)
        #expect(plan.superseded.map { "\($0.item.reminder.id)>\($0.by.reminder.id)" }.sorted() == superseded)
        // Nothing is lost: each due reminder is sent or superseded, once.
        #expect(plan.send.count + plan.superseded.count == due.count)
    }

    // MARK: the dispatcher

    @Test func anOutageIsRiddenOutAndItsBacklogCoalesced() async throws {
        let t0 = Self.t0
        var f = try DaemonFixture(rules: [DaemonFixture.lowData(.once)])
        f.config.channels = [ChannelSettings(name: "mail", kind: DesktopSettings(), giveUpAfter: .hours(1))]
        let channel = OfflineChannel()
        let simwatch = Simwatch(
            config: f.config,
            store: f.store,
            channels: ["journal": f.channel, "mail": channel],
            logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }),
            random: { 0.5 }
        )
        try await simwatch.start(now: t0)
        var batch = StoreBatch()
        batch.reminders = [Self.pending("l1", "low", occurrence: 1, minute: 0).reminder]
        try f.store.commit(batch)

        // Offline for 6 hours (longer than give_up_after): tried every 5 minutes at most, never given up.
        var now = t0
        var tries = 0
        while now < t0 + .hours(6) {
            await simwatch.outbox.runDue(now: now)
            await simwatch.outbox.drain()
            tries += 1
            if tries == 3 {
                // Repeats pile up meanwhile, and a critical alert.
                var more = StoreBatch()
                more.reminders = [
                    Self.pending("l1", "low", occurrence: 2, minute: 10).reminder,
                    Self.pending("l1", "expiry", occurrence: 1, severity: .critical, minute: 12, kind: .expiring)
                        .reminder,
                ]
                try f.store.commit(more)
            }
            now = try #require(await simwatch.outbox.nextDue())
            #expect(now.timeIntervalSince(t0) > 0)
        }
        // Coalesced as it piled up: the first reminder of the alert gave way to its repeat, which has its state now.
        let waiting = try f.store.outbox.list(state: nil, channel: "mail", limit: 10)
        #expect(waiting.map(\.state).sorted { $0.rawValue < $1.rawValue } == [.pending, .pending, .superseded])
        #expect(waiting.first { $0.state == .superseded }?.reminder.id == "l1/low/1/1/mail")
        #expect(waiting.allSatisfy { $0.onlineSpent == 0 })
        #expect(tries > 70)

        // The network is back: one look at the outbox sends what matters now.
        channel.setOffline(false)
        #expect(await simwatch.ledger.networkBack(now: now) == 2)
        await simwatch.outbox.runDue(now: now)
        await simwatch.outbox.drain()
        #expect(channel.delivered.map(\.id) == ["l1/expiry/1/1/mail", "l1/low/1/2/mail"])
        let rows = try f.store.outbox.list(state: nil, channel: "mail", limit: 10)
        #expect(rows.first { $0.reminder.id == "l1/low/1/1/mail" }?.state == .superseded)
        #expect(rows.filter { $0.state == .sent }.count == 2)
        // It went out hours late, and says so.
        let late = try #require(channel.delivered.last)
        #expect(
            late.details.last?.hasPrefix("Raised Fri 20 Nov 00:10 UTC, delivered 6h later.") == true,
            "\(late.details)"
        )
    }

    // MARK: NetworkManager

    @Test func theNetworkComingBackMakesWaitingRemindersDueAtOnce() async throws {
        let t0 = Self.t0
        let f = try DaemonFixture(rules: [DaemonFixture.lowData(.once)])
        let clock = ManualClock(t0 + .minutes(1))
        let simwatch = f.simwatch(clock: clock)
        var batch = StoreBatch()
        batch.reminders = [Self.pending("l1", "low", occurrence: 1, minute: 0).reminder]
        try f.store.commit(batch)
        try f.store.outbox.record([
            DeliveryOutcome(id: "l1/low/1/1/mail", at: t0, error: "offline", retryAt: t0 + .minutes(5), offline: true)
        ])
        let monitor = ConnectivityMonitor(
            look: { _, _ in nil },
            ledger: simwatch.ledger,
            outbox: simwatch.outbox,
            clock: clock,
            logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })
        )
        await monitor.changed(to: true)  // the first word: nothing was waiting on it
        #expect(try f.store.outbox.due(now: t0 + .minutes(1)).isEmpty)
        await monitor.changed(to: false)
        await monitor.changed(to: true)
        #expect(try f.store.outbox.due(now: t0 + .minutes(1)).map(\.reminder.id) == ["l1/low/1/1/mail"])
    }

    // MARK: lateness

    @Test func aLateReminderSaysWhenItWasRaisedAndHowOldItsReadingIs() {
        let t0 = Self.t0  // Fri 20 Nov 2026 00:00 UTC
        var r = ReminderTemplatesFixture.reminder(created: t0)
        r.observedAt = t0 - .minutes(5)
        #expect(r.asDelivered(at: t0 + .minutes(10), zone: .utc) == r)
        let late = r.asDelivered(at: t0 + .hours(7), zone: .utc)
        #expect(late.summary == r.summary + " — as of Thu 23:55 (last reading)")
        #expect(late.details == r.details + ["Raised Fri 20 Nov 00:00 UTC, delivered 7h later."])
        let days = r.asDelivered(at: t0 + .days(8) + .hours(3), zone: .utc)
        #expect(days.summary.hasSuffix("as of Thu 19 Nov 23:55 (last reading)"))
        #expect(days.details.last == "Raised Fri 20 Nov 00:00 UTC, delivered 8d 3h later.")
        #expect(
            r.asDelivered(at: t0 + .minutes(20), zone: .utc).details.last
                == "Raised Fri 20 Nov 00:00 UTC, delivered 20m later."
        )
        // Held by quiet hours on purpose, and sent on time at their end: not late (its reading is old, though).
        var held = r
        held.notBefore = t0 + .hours(8)
        let morning = held.asDelivered(at: t0 + .hours(8) + .minutes(1), zone: .utc)
        #expect(morning.details == r.details && morning.summary.hasSuffix("as of Thu 23:55 (last reading)"))
        #expect(
            held.asDelivered(at: t0 + .hours(9), zone: .utc).details.last
                == "Raised Fri 20 Nov 00:00 UTC, delivered 9h later."
        )
    }

    @Test func aLateReminderSaysSoInItsReadersLanguage() {
        let t0 = Self.t0
        var r = ReminderTemplatesFixture.reminder(created: t0)
        r.observedAt = t0 - .minutes(5)
        r.language = .fr
        let french = r.asDelivered(at: t0 + .hours(7), zone: .utc)
        #expect(french.summary.hasSuffix(" (dernière lecture)") && french.summary.contains(" — au "))
        #expect(french.details.last?.hasPrefix("Émis le ") == true)
        #expect(french.details.last?.hasSuffix(" plus tard.") == true)
        r.language = .zh
        let chinese = r.asDelivered(at: t0 + .hours(7), zone: .utc)
        #expect(chinese.summary.hasSuffix("（最后一次读数）"))
        #expect(chinese.details.last?.hasSuffix("送达。") == true)
    }
}
