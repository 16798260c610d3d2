import FoundationEssentials
import SimwatchChannels
import SimwatchConfig
import SimwatchCore
import SimwatchProviders
import Testing

/// The daemon's decisions, with no actor and no database: each test is an input and the outcome it must give.
@Suite struct LineAssessmentTests {
    static let config = try! Config.parse(
        text: """
            [daemon]
            time_zone = "UTC"
            quiet_hours = "22:00-08:00"

            [channels.mail]
            type = "email"
            from = "simwatch@example.com"

            [channels.desk]
            type = "desktop"

            [[line]]
            id = "fr"
            name = "Orange Holiday"
            channels = ["mail", "desk"]
            [line.plan]
            quota = "10GB"
            valid_for = "30d"
            [line.provider]
            type = "demo"
            [line.email]
            to = "Client <client@example.net>"
            [[line.rule]]
            id = "low"
            kind = "data_below"
            threshold = "2GB"
            [[line.rule]]
            id = "out"
            kind = "data_below"
            threshold = "100MB"
            severity = "critical"
            [[line.rule]]
            id = "quiet"
            kind = "stale"
            after = "1d"
            """,
        path: "config.toml",
        environment: ["TZ": "UTC"],
        sources: ProviderCatalog.all,
        channels: ChannelCatalog.all,
    )
    static let line = config.lines[0]
    /// Friday 4 December 2026, 12:00 UTC (outside quiet hours); `night` is 23:00 the same day.
    static let noon = Date(timeIntervalSince1970: 1_796_385_600)
    static let night = noon + 11 * 3600
    static let firstSeen = noon - 5 * 86400

    static func reading(_ remaining: String, at date: Date = noon, estimated: Bool = false) -> Reading {
        Reading(
            lineID: "fr",
            observedAt: date,
            remaining: try! ByteCount(parsing: remaining),
            total: try! ByteCount(parsing: "10GB"),
            source: estimated ? "estimate" : "demo",
            estimated: estimated
        )
    }

    static func input(
        _ trigger: AssessmentTrigger,
        latest: Reading? = nil,
        lastObserved: Reading? = nil,
        alerts: [String: AlertState] = [:],
        record: LineRecord = LineRecord(lineID: "fr", firstSeen: firstSeen),
        now: Date = noon
    ) -> AssessmentInput {
        AssessmentInput(
            line: line,
            record: record,
            latest: latest,
            lastObserved: lastObserved,
            recent: latest.map { [$0] } ?? [],
            alerts: alerts,
            trigger: trigger,
            now: now,
            settings: AssessmentSettings(config)
        )
    }

    static func poll(_ reading: Reading) -> AssessmentTrigger { .poll(.success(reading), attemptRecorded: false) }

    @Test func aLowReadingFiresOneReminderPerChannelWithStableIDs() {
        let outcome = LineAssessment.assess(Self.input(Self.poll(Self.reading("1.5GB"))))
        #expect(outcome.alerts["low"]?.isFiring == true)
        #expect(outcome.alerts["out"]?.isFiring != true)
        // The journal is every line's channel, first; then the line's own.
        #expect(outcome.reminders.map(\.channel) == ["journal", "mail", "desk"])
        #expect(outcome.reminders.map(\.id) == ["fr/low/1/1/journal", "fr/low/1/1/mail", "fr/low/1/1/desk"])
        #expect(outcome.reminders.allSatisfy { $0.notBefore == Self.noon && $0.event == "firing" })
        // E-mail channels carry the line's recipients; others carry none.
        #expect(outcome.reminders.map(\.recipients) == [nil, ["Client <client@example.net>"], nil])
        #expect(outcome.log.map(\.event) == ["firing"])
        #expect(outcome.events.map(\.kind) == [.alert])
        #expect(outcome.readings.count == 1)
        #expect(outcome.record.polls == 1 && outcome.record.lastAttempt == Self.noon)
        #expect(outcome.record.lastSuccess == Self.noon && outcome.record.failures == 0)
        #expect(outcome.nextReminderAt == outcome.alerts["low"]?.firing?.nextReminderAt)
        #expect(!outcome.renewed)
    }

    @Test func anAttemptAlreadyRecordedIsNotCountedTwice() {
        var record = LineRecord(lineID: "fr", firstSeen: Self.firstSeen)
        record.polls = 4
        let outcome = LineAssessment.assess(
            Self.input(.poll(.success(Self.reading("5GB")), attemptRecorded: true), record: record)
        )
        #expect(outcome.record.polls == 4)
        #expect(outcome.record.lastAttempt == nil)
    }

    @Test func quietHoursHoldBackAllButCriticalReminders() {
        let warning = LineAssessment.assess(
            Self.input(Self.poll(Self.reading("1.5GB", at: Self.night)), now: Self.night)
        )
        let morning = Self.noon + 20 * 3600  // 08:00 the next day
        #expect(warning.reminders.count == 3)
        #expect(warning.reminders.allSatisfy { $0.notBefore == morning })
        let critical = LineAssessment.assess(
            Self.input(Self.poll(Self.reading("50MB", at: Self.night)), now: Self.night)
        )
        let out = critical.reminders.filter { $0.ruleID == "out" }
        #expect(out.count == 3 && out.allSatisfy { $0.notBefore == Self.night && $0.severity == .critical })
        #expect(critical.reminders.filter { $0.ruleID == "low" }.allSatisfy { $0.notBefore == morning })
    }

    @Test func aSnoozedAlertIsLoggedAsSuppressedAndWaitsForTheSnoozeEnd() {
        let until = Self.noon + 86400
        let snoozed = AlertState(lineID: "fr", ruleID: "low", snoozedUntil: until)
        let outcome = LineAssessment.assess(
            Self.input(Self.poll(Self.reading("1.5GB")), alerts: ["low": snoozed])
        )
        #expect(outcome.reminders.isEmpty)
        #expect(outcome.log.map(\.event) == ["suppressed"])
        #expect(outcome.alerts["low"]?.firing?.nextReminderAt == until)
        #expect(outcome.nextReminderAt == until)
    }

    @Test func aClearedConditionResolvesAndCancelsWhatWaits() {
        let failure = AssessmentTrigger.poll(.failure(ProviderError(.unavailable, "no route")), attemptRecorded: false)
        let fired = LineAssessment.assess(Self.input(failure))
        #expect(fired.alerts["quiet"]?.isFiring == true, "no success in the five days since the line was first seen")
        let later = Self.noon + 3600
        let outcome = LineAssessment.assess(
            Self.input(
                Self.poll(Self.reading("5GB", at: later)),
                alerts: fired.alerts,
                record: fired.record,
                now: later
            )
        )
        #expect(outcome.alerts["quiet"]?.isFiring == false)
        #expect(outcome.cancelled.map(\.rule) == ["quiet"])
        #expect(outcome.cancelled.map(\.episode) == [fired.alerts["quiet"]!.episode])
        #expect(outcome.log.map(\.event) == ["resolved"])
        #expect(outcome.reminders.isEmpty)
        #expect(outcome.nextReminderAt == nil)
    }

    @Test func aTopUpIsARenewalThatEndsDataAlertsAndSaysSoOnce() {
        let fired = LineAssessment.assess(Self.input(Self.poll(Self.reading("1.5GB"))))
        let later = Self.noon + 3600
        let outcome = LineAssessment.assess(
            Self.input(
                Self.poll(Self.reading("9GB", at: later)),
                latest: Self.reading("1.5GB"),
                alerts: fired.alerts,
                record: fired.record,
                now: later
            )
        )
        #expect(outcome.renewed)
        #expect(outcome.record.renewals == 1)
        #expect(outcome.alerts["low"]?.isFiring == false)
        #expect(outcome.cancelled.map(\.rule) == ["low"])
        #expect(outcome.log.map(\.event) == ["resolved", "renewed"])
        #expect(
            outcome.reminders.map(\.id) == ["fr/+renewed/1/1/journal", "fr/+renewed/1/1/mail", "fr/+renewed/1/1/desk"]
        )
        #expect(outcome.events.map(\.kind) == [.alert, .renewal])
        #expect(outcome.nextReminderAt == nil)
    }

    @Test func aTopUpIsJudgedAgainstTheLastObservedReadingNotAnEstimate() {
        let estimate = Self.reading("1GB", at: Self.noon - 600, estimated: true)
        let observed = Self.reading("3GB", at: Self.noon - 86400)
        let outcome = LineAssessment.assess(
            Self.input(Self.poll(Self.reading("2.5GB")), latest: estimate, lastObserved: observed)
        )
        #expect(!outcome.renewed, "2.5GB after an observed 3GB is use, not a top-up over the 1GB estimate")
    }

    @Test func aTopUpSeenAcrossARenewalRecordedByHandIsThatRenewal() {
        var record = LineRecord(lineID: "fr", firstSeen: Self.firstSeen)
        record.renewedAt = Self.noon - 600
        let outcome = LineAssessment.assess(
            Self.input(
                Self.poll(Self.reading("9GB")),
                latest: Self.reading("1GB", at: Self.noon - 3600),
                record: record
            )
        )
        #expect(!outcome.renewed)
        #expect(outcome.record.renewals == 0)
    }

    @Test func anEstimateIsStoredButIsNeitherASuccessNorATopUp() {
        let outcome = LineAssessment.assess(
            Self.input(
                Self.poll(Self.reading("9GB", estimated: true)),
                latest: Self.reading("1GB", at: Self.noon - 3600)
            )
        )
        #expect(outcome.readings.count == 1 && outcome.latest?.estimated == true)
        #expect(outcome.record.lastSuccess == nil)
        #expect(!outcome.renewed)
    }

    @Test func aFailureCountsAndKeepsTheLastReading() {
        let before = Self.reading("5GB", at: Self.noon - 3600)
        let outcome = LineAssessment.assess(
            Self.input(.poll(.failure(ProviderError(.unavailable, "no route")), attemptRecorded: false), latest: before)
        )
        #expect(outcome.record.failures == 1)
        #expect(outcome.record.lastError?.contains("no route") == true)
        #expect(outcome.readings.isEmpty && outcome.latest == before)
        // The last success was longer ago than the stale rule allows (never, in five days of watching).
        #expect(outcome.reminders.map(\.id) == ["fr/quiet/1/1/journal", "fr/quiet/1/1/mail", "fr/quiet/1/1/desk"])
    }

    @Test func aRecordedRenewalHoldsWhatWasBoughtAsAnEstimate() {
        var record = LineRecord(lineID: "fr", firstSeen: Self.firstSeen)
        let bought = PlanPeriod(
            startedAt: Self.noon,
            quota: try! ByteCount(parsing: "20GB"),
            expiresAt: Self.noon + 7 * 86400
        )
        record.period = bought
        record.periodOrigin = "renewal"
        record.renewedAt = Self.noon
        record.lastSuccess = Self.noon - 600
        let entry = RenewalEntry(
            lineID: "fr",
            sequence: 0,
            origin: .recorded,
            renewedAt: Self.noon,
            recordedAt: Self.noon
        )
        let outcome = LineAssessment.assess(Self.input(.renewal(entry), latest: Self.reading("1GB"), record: record))
        #expect(outcome.renewed && outcome.record.renewals == 1)
        // The demo follows the recorded plan: nothing to confirm.
        #expect(outcome.record.check == nil && outcome.ledger.count == 1)
        #expect(outcome.record.period == bought && outcome.record.periodOrigin == "renewal")
        #expect(outcome.latest?.remaining == bought.quota && outcome.latest?.estimated == true)
        #expect(outcome.latest?.source == "renewal")
        #expect(outcome.reminders.map(\.kind) == [.renewed, .renewed, .renewed])
    }

    @Test func aRenewalThatEndedHandsTheLineBackToTheConfiguration() {
        var record = LineRecord(lineID: "fr", firstSeen: Self.firstSeen)
        record.period = PlanPeriod(startedAt: Self.noon - 8 * 86400, quota: nil, expiresAt: Self.noon - 86400)
        record.periodOrigin = "renewal"
        let outcome = LineAssessment.assess(Self.input(.due, record: record))
        #expect(outcome.record.periodOrigin == "config")
        #expect(outcome.record.period == Self.line.plan.period(firstSeen: Self.firstSeen, now: Self.noon, zone: .utc))
    }
}
