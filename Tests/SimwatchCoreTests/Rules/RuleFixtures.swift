import FoundationEssentials
import SimwatchCore
import SimwatchProviders

/// Shared fixtures: a 5 GB plan that started on 2026-11-20 and expires on 2026-11-30 (UTC).
enum Fixture {
    static let start = Date(timeIntervalSince1970: 1_795_132_800)  // 2026-11-20T00:00:00Z
    static let expiry = start + .days(10)

    static func line(rules: [Rule] = [], quota: ByteCount? = ByteCount(bytes: 5_000_000_000)) -> Line {
        Line(
            id: "fr-travel",
            name: "Orange Holiday",
            provider: DemoProviderSettings(dailyUse: ByteCount(bytes: 500_000_000)),
            plan: PlanSettings(quota: quota, validity: .validFor(.days(10)), started: start),
            rules: rules,
            pollInterval: .minutes(15)
        )
    }

    static func reading(
        at date: Date,
        remaining: Int64?,
        total: Int64? = 5_000_000_000,
        expires: Date? = expiry,
        status: Reading.Status = .active,
        credit: Money? = nil
    ) -> Reading {
        Reading(
            lineID: "fr-travel",
            observedAt: date,
            remaining: remaining.map(ByteCount.init(bytes:)),
            total: total.map(ByteCount.init(bytes:)),
            credit: credit,
            expiresAt: expires,
            status: status,
            source: "test"
        )
    }

    static func snapshot(_ latest: Reading?, recent: [Reading] = [], lastSuccess: Date? = nil) -> LineSnapshot {
        LineSnapshot(
            line: line(),
            period: PlanPeriod(startedAt: start, quota: ByteCount(bytes: 5_000_000_000), expiresAt: expiry),
            latest: latest,
            recent: recent,
            lastSuccessAt: lastSuccess ?? latest?.observedAt,
            watchingSince: start
        )
    }

    static func rule(_ kind: RuleKind, _ severity: Severity = .warning, _ repeatPolicy: RepeatPolicy = .once) -> Rule {
        Rule(id: kind.name, kind: kind, severity: severity, repeatPolicy: repeatPolicy)
    }
}
