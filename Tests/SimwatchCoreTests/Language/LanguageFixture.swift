import FoundationEssentials
import SimwatchCore

/// One reminder of every kind, event and language, from the shared 5 GB plan (`Fixture`) three days before expiry,
/// with a renewal page and a support number: what the language tests render.
enum LanguageFixture {
    static let now = Fixture.start + .days(7)  // Fri 27 Nov 2026
    static let events = ["firing", "repeat", "escalated", "renewed", "resolved"]

    static func snapshot() -> LineSnapshot {
        var snapshot = Fixture.snapshot(
            Fixture.reading(at: now, remaining: 984_000_000, credit: Money(amount: 3, currency: "EUR")),
            lastSuccess: now - .hours(30)
        )
        snapshot.line.renew = RenewalGuide(
            url: try? RenewalGuide.Link(parsing: "https://boutique.orange.fr/recharge"),
            code: try? RechargeCode(parsing: "#123#"),
            support: try? SupportContact(parsing: "+33 9 69 36 39 00")
        )
        return snapshot
    }

    static let forecast = Forecast(
        pacePerDay: ByteCount(bytes: 590_000_000),
        runsOutAt: now + .hours(40),
        dailyAllowance: ByteCount(bytes: 328_000_000)
    )

    static func rule(_ kind: ReminderKind) -> Rule? {
        switch kind {
        case .lowData: Fixture.rule(.dataBelow([.amount(ByteCount(bytes: 1_000_000_000))]))
        case .expiring: Fixture.rule(.expiresWithin([.days(3), .days(1)]))
        case .runsOut: Fixture.rule(.runsOutWithin(.days(2)))
        case .creditLow: Fixture.rule(.creditBelow(Money(amount: 5, currency: "EUR")))
        case .stale: Fixture.rule(.stale(.hours(24)))
        default: nil
        }
    }

    static func reminder(_ kind: ReminderKind, event: String, language: Language) -> Reminder {
        let snapshot = snapshot()
        let composer = ReminderComposer(zone: .utc, language: language)
        let text =
            switch kind {
            case .renewalLate, .renewalConfirmed:
                composer.composeCheck(
                    confirmed: kind == .renewalConfirmed,
                    RenewalCheck(
                        sequence: 1,
                        renewedAt: now - .hours(3),
                        until: now - .hours(1),
                        remainingBefore: nil,
                        expiresBefore: nil
                    ),
                    snapshot: snapshot,
                    now: now
                )
            default:
                composer.compose(
                    kind: kind,
                    rule: rule(kind),
                    stage: kind == .expiring ? 0 : nil,
                    snapshot: snapshot,
                    forecast: forecast,
                    now: now
                )
            }
        return Reminder(
            id: "fr-travel/\(kind.rawValue)/1/1/mail",
            channel: "mail",
            kind: kind,
            event: event,
            severity: .warning,
            lineID: "fr-travel",
            lineName: "Orange Holiday",
            ruleID: rule(kind)?.id,
            episode: 1,
            occurrence: 1,
            stage: nil,
            summary: text.summary,
            details: text.details,
            remaining: snapshot.remaining,
            total: snapshot.total,
            expiresAt: snapshot.expiresAt,
            runsOutAt: forecast.runsOutAt,
            createdAt: now,
            notBefore: now,
            timeZone: "UTC",
            ruleKind: rule(kind)?.kind.name,
            pacePerDay: forecast.pacePerDay,
            dailyAllowance: forecast.dailyAllowance,
            credit: snapshot.latest?.credit,
            observedAt: now,
            source: "test",
            renew: snapshot.line.renew,
            language: language
        )
    }
}
