import FoundationEssentials
import SimwatchChannels
import SimwatchConfig
import SimwatchCore
import SimwatchProviders
import Testing

/// The end of an alert reaches the channels that want it (Alertmanager) and no other.
@Suite struct ResolutionAssessmentTests {
    static let config = try! Config.parse(
        text: """
            [daemon]
            time_zone = "UTC"
            quiet_hours = "22:00-08:00"

            [channels.am]
            type = "alertmanager"
            url = "http://127.0.0.1:9093"

            [channels.desk]
            type = "desktop"

            [[line]]
            id = "fr"
            name = "Orange Holiday"
            channels = ["am", "desk"]
            [line.plan]
            quota = "10GB"
            valid_for = "30d"
            [line.provider]
            type = "demo"
            [[line.rule]]
            id = "low"
            kind = "data_below"
            threshold = "2GB"
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
    static let noon = LineAssessmentTests.noon
    static let night = LineAssessmentTests.night

    static func reading(_ remaining: String, at date: Date) -> Reading {
        Reading(
            lineID: "fr",
            observedAt: date,
            remaining: try! ByteCount(parsing: remaining),
            total: try! ByteCount(parsing: "10GB"),
            source: "demo"
        )
    }

    static func input(
        _ trigger: AssessmentTrigger,
        now: Date,
        after earlier: AssessmentOutcome? = nil
    ) -> AssessmentInput {
        AssessmentInput(
            line: config.lines[0],
            record: earlier?.record ?? LineRecord(lineID: "fr", firstSeen: noon - 5 * 86400),
            latest: nil,
            lastObserved: nil,
            recent: [],
            alerts: earlier?.alerts ?? [:],
            trigger: trigger,
            now: now,
            settings: AssessmentSettings(config)
        )
    }

    static func assess(
        _ remaining: String,
        at now: Date,
        latest: Reading? = nil,
        after earlier: AssessmentOutcome? = nil
    ) -> AssessmentOutcome {
        let reading = reading(remaining, at: now)
        return LineAssessment.assess(
            AssessmentInput(
                line: config.lines[0],
                record: earlier?.record ?? LineRecord(lineID: "fr", firstSeen: noon - 5 * 86400),
                latest: latest,
                lastObserved: latest,
                recent: latest.map { [$0] } ?? [],
                alerts: earlier?.alerts ?? [:],
                trigger: .poll(.success(reading), attemptRecorded: false),
                now: now,
                settings: AssessmentSettings(config)
            )
        )
    }

    @Test func firingRemindersGoToEveryChannelAsBefore() {
        let fired = Self.assess("1.5GB", at: Self.noon)
        #expect(fired.reminders.map(\.id) == ["fr/low/1/1/journal", "fr/low/1/1/am", "fr/low/1/1/desk"])
        #expect(Set(fired.reminders.map(\.summary)).count == 1, "the same English text for every channel")
    }

    @Test func aClearedConditionIsToldOnlyToChannelsThatWantIt() {
        // No success in the five days since the line was first seen: `quiet` (stale) fires.
        let failure = AssessmentTrigger.poll(.failure(ProviderError(.unavailable, "no route")), attemptRecorded: false)
        let fired = LineAssessment.assess(Self.input(failure, now: Self.noon))
        #expect(fired.alerts["quiet"]?.isFiring == true)
        // A reading at night, in quiet hours, clears it: an end is not held back.
        let outcome = LineAssessment.assess(
            Self.input(
                .poll(.success(Self.reading("5GB", at: Self.night)), attemptRecorded: false),
                now: Self.night,
                after: fired
            )
        )
        #expect(outcome.alerts["quiet"]?.isFiring == false)
        #expect(outcome.reminders.map(\.id) == ["fr/quiet+resolved/1/1/am"])
        let resolved = outcome.reminders[0]
        #expect(resolved.event == "resolved" && resolved.kind == .stale && resolved.ruleID == "quiet")
        #expect(resolved.severity == .warning && resolved.episode == 1)
        #expect(resolved.notBefore == Self.night)
        #expect(outcome.cancelled.map(\.rule) == ["quiet"], "its pending reminders are still cancelled")
    }

    @Test func aRenewalEndsTheAlertForThemToo() {
        let fired = Self.assess("1.5GB", at: Self.noon)
        let later = Self.noon + 3600
        let outcome = Self.assess("9GB", at: later, latest: Self.reading("1.5GB", at: Self.noon), after: fired)
        #expect(outcome.renewed)
        #expect(
            outcome.reminders.map(\.id) == [
                "fr/low+resolved/1/1/am", "fr/+renewed/1/1/journal", "fr/+renewed/1/1/am", "fr/+renewed/1/1/desk",
            ]
        )
    }
}
