import FoundationEssentials
import SimwatchChannels
import SimwatchConfig
import SimwatchCore
import SimwatchProviders
import Testing

/// The renewal ledger and the check that a provider shows a renewal recorded by hand, as assessment tables.
@Suite struct RenewalCheckAssessmentTests {
    static let config = try! Config.parse(
        text: """
            [daemon]
            time_zone = "UTC"

            [[line]]
            id = "fr"
            name = "Orange Holiday"
            [line.plan]
            quota = "2GB"
            valid_for = "7d"
            [line.provider]
            type = "demo"
            renewal_delay = "1h"      # a carrier of its own: renewals recorded by hand are checked
            [line.renew]
            support = "+33 9 69 36 39 00"
            [[line.offer]]
            name = "Holiday 10 GB"
            data = "10GB"
            valid = "14d"
            price = "20 EUR"
            [[line.offer]]
            name = "Holiday 2 GB"
            data = "2GB"
            valid = "7d"
            price = "7 EUR"
            [[line.rule]]
            id = "low"
            kind = "data_below"
            threshold = "500MB"
            """,
        path: "config.toml",
        environment: ["TZ": "UTC"],
        sources: ProviderCatalog.all,
        channels: ChannelCatalog.all,
    )
    static let line = config.lines[0]
    static let noon = Date(timeIntervalSince1970: 1_796_385_600)
    static let firstSeen = noon - 5 * 86400

    static func reading(_ remaining: String, at date: Date = noon, expires: Date? = nil) -> Reading {
        Reading(
            lineID: "fr",
            observedAt: date,
            remaining: try! ByteCount(parsing: remaining),
            expiresAt: expires ?? noon + 2 * 86400,
            source: "orange-api"
        )
    }

    static func input(
        _ trigger: AssessmentTrigger,
        latest: Reading? = nil,
        record: LineRecord = LineRecord(lineID: "fr", firstSeen: firstSeen),
        now: Date = noon
    ) -> AssessmentInput {
        AssessmentInput(
            line: line,
            record: record,
            latest: latest,
            recent: latest.map { [$0] } ?? [],
            alerts: [:],
            trigger: trigger,
            now: now,
            settings: AssessmentSettings(config)
        )
    }

    static func poll(_ reading: Reading) -> AssessmentTrigger { .poll(.success(reading), attemptRecorded: false) }

    /// A renewal of 10 GB recorded at noon over a line that had 100 MB left.
    static func recorded() -> AssessmentOutcome {
        var record = LineRecord(lineID: "fr", firstSeen: firstSeen, renewals: 2)
        record.period = PlanPeriod(
            startedAt: noon,
            quota: try! ByteCount(parsing: "10GB"),
            expiresAt: noon + 14 * 86400
        )
        record.periodOrigin = "renewal"
        record.renewedAt = noon
        let entry = RenewalEntry(
            lineID: "fr",
            sequence: 0,
            origin: .recorded,
            renewedAt: noon,
            recordedAt: noon,
            offer: "Holiday 10 GB",
            price: try! Money(parsing: "20 EUR"),
            order: "A-4411"
        )
        return LineAssessment.assess(input(.renewal(entry), latest: reading("100MB", at: noon - 600), record: record))
    }

    @Test func aRecordedRenewalIsNumberedClosesThePeriodBeforeAndWaitsForTheProvider() throws {
        let outcome = Self.recorded()
        #expect(outcome.record.renewals == 3)
        let check = try #require(outcome.record.check)
        #expect(check.sequence == 3 && check.until == Self.noon + 7200 && !check.late)
        #expect(check.remainingBefore == (try ByteCount(parsing: "100MB")))
        #expect(outcome.nextReminderAt == Self.noon + 7200)
        guard outcome.ledger.count == 2, case .close(let line, let sequence, _, let at) = outcome.ledger[0],
            case .add(let entry) = outcome.ledger[1]
        else {
            Issue.record("expected a close and an add, got \(outcome.ledger)")
            return
        }
        #expect(line == "fr" && sequence == 2 && at == Self.noon)
        #expect(entry.sequence == 3 && entry.id == "fr/3" && entry.order == "A-4411")
        #expect(entry.check == .waiting(until: Self.noon + 7200))
    }

    @Test func whileWaitingTheOldFigureRaisesNoLowDataReminder() {
        let record = Self.recorded().record
        let later = Self.noon + 600
        let outcome = LineAssessment.assess(
            Self.input(
                Self.poll(Self.reading("90MB", at: later)),
                latest: Self.reading("100MB"),
                record: record,
                now: later
            )
        )
        #expect(outcome.reminders.isEmpty && outcome.alerts.isEmpty)
        #expect(outcome.record.check == record.check && !outcome.renewed)
        #expect(outcome.ledger.isEmpty)
    }

    @Test func aReadingThatShowsTheRenewalConfirmsItWithoutASecondRenewal() {
        let record = Self.recorded().record
        let later = Self.noon + 1800
        let outcome = LineAssessment.assess(
            Self.input(
                Self.poll(Self.reading("10.1GB", at: later)),
                latest: Self.reading("90MB"),
                record: record,
                now: later
            )
        )
        #expect(!outcome.renewed && outcome.record.renewals == 3 && outcome.record.check == nil)
        #expect(outcome.ledger == [.check(line: "fr", sequence: 3, .confirmed(at: later, by: "orange-api"))])
        // On time: the renewed notice said it all; no second message.
        #expect(outcome.reminders.isEmpty)
        #expect(outcome.events.map(\.event) == ["confirmed"])
    }

    @Test func theWaitEndingWithoutTheRenewalWarnsNamingSupportAndTheArrivalResolvesIt() throws {
        let record = Self.recorded().record
        let due = Self.noon + 7200
        let late = LineAssessment.assess(
            Self.input(.due, latest: Self.reading("80MB", at: due - 60), record: record, now: due)
        )
        #expect(late.record.check?.late == true)
        #expect(late.ledger == [.check(line: "fr", sequence: 3, .late(since: due))])
        let warning = try #require(late.reminders.first)
        #expect(late.reminders.map(\.kind) == [.renewalLate, .lowData])
        #expect(warning.id == "fr/+renewal-check/3/1/journal" && warning.severity == .warning)
        #expect(warning.summary.contains("has not arrived after 2h"))
        #expect(warning.summary.contains("orange-api still shows 80 MB left"))
        #expect(warning.details.first == "Contact support: +33 9 69 36 39 00.")
        // Late, the line's own rules speak again: 80 MB is below 500 MB.
        #expect(late.alerts["low"]?.isFiring == true)

        let arrived = due + 600
        let resolved = LineAssessment.assess(
            Self.input(
                Self.poll(Self.reading("10GB", at: arrived)),
                latest: Self.reading("80MB"),
                record: late.record,
                now: arrived
            )
        )
        #expect(resolved.record.check == nil)
        let notice = try #require(resolved.reminders.first { $0.kind == .renewalConfirmed })
        #expect(notice.id == "fr/+renewal-check/3/2/journal" && notice.event == "resolved")
        #expect(notice.summary.contains("arrived: orange-api shows 10 GB left"))
    }

    @Test func aTopUpSeenInTheReadingsIsPricedFromTheOfferItMatches() throws {
        var record = LineRecord(lineID: "fr", firstSeen: Self.firstSeen, renewals: 1)
        record.lastSuccess = Self.noon - 3600
        let outcome = LineAssessment.assess(
            Self.input(
                Self.poll(Self.reading("10.1GB", expires: Self.noon + 14 * 86400)),
                latest: Self.reading("100MB", at: Self.noon - 3600),
                record: record
            )
        )
        #expect(outcome.renewed && outcome.record.check == nil)
        guard case .add(let entry)? = outcome.ledger.last else {
            Issue.record("no ledger entry: \(outcome.ledger)")
            return
        }
        #expect(entry.origin == .detected && entry.sequence == 2)
        let price = try Money(parsing: "20 EUR")
        #expect(entry.offer == "Holiday 10 GB" && entry.price == price)
        #expect(entry.data == (try ByteCount(parsing: "10GB")))
        #expect(entry.check == .notNeeded)
    }

    @Test func anOfferMatchesOnlyWithinItsDataAndValidity() {
        let offers = Self.line.offers
        let tenGB = try! ByteCount(parsing: "10GB")
        #expect(OfferMatch.offer(in: offers, added: tenGB, total: nil, validFor: 14 * 86400)?.name == "Holiday 10 GB")
        #expect(OfferMatch.offer(in: offers, added: try! ByteCount(parsing: "6GB"), total: nil, validFor: nil) == nil)
        // Right data, wrong validity (30 days against 14).
        #expect(OfferMatch.offer(in: offers, added: tenGB, total: nil, validFor: 30 * 86400) == nil)
        #expect(
            OfferMatch.offer(in: offers, added: nil, total: try! ByteCount(parsing: "2GB"), validFor: nil)?.name
                == "Holiday 2 GB"
        )
    }

    @Test func aSourceThatFollowsTheRecordedPlanIsNotChecked() {
        var line = Self.line
        line.provider = AnyProviderSettings(DemoProviderSettings(dailyUse: ByteCount(bytes: 1)))
        #expect(!line.checksRenewals)
        line.provider = AnyProviderSettings(
            DemoProviderSettings(dailyUse: ByteCount(bytes: 1), renewalDelay: .hours(1))
        )
        line.confirmWithin = TimeSpan(seconds: 0)
        #expect(!line.checksRenewals)
    }
}
