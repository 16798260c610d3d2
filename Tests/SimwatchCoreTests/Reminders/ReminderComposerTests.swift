import FoundationEssentials
import SimwatchCore
import Testing

@Suite struct ReminderComposerTests {
    let composer = ReminderComposer(zone: .utc)
    let now = Fixture.start + .days(7)  // Fri 27 Nov 2026, three days before expiry (30 Nov)

    func compose(
        _ kind: ReminderKind,
        remaining: Int64?,
        forecast: Forecast = Forecast(),
        rule: Rule? = nil,
        stage: Int? = nil,
        credit: Money? = nil,
        lastSuccess: Date? = nil
    ) -> String {
        let reading = Fixture.reading(at: now, remaining: remaining, credit: credit)
        let snapshot = Fixture.snapshot(reading, lastSuccess: lastSuccess)
        return composer.compose(kind: kind, rule: rule, stage: stage, snapshot: snapshot, forecast: forecast, now: now)
            .summary
    }

    @Test func lowDataSaysHowLongItLasts() {
        let text = compose(.lowData, remaining: 2_100_000_000, forecast: Forecast(runsOutAt: now + .days(3)))
        #expect(
            text
                == "Orange Holiday: 2.1 GB left of 5 GB (42%), at this pace it lasts 3d, plan expires Mon 30 Nov 00:00 UTC: renew now"
        )
    }

    @Test func lowDataWhenUsedUp() {
        let text = compose(.lowData, remaining: 0, forecast: Forecast(runsOutAt: now))
        #expect(text == "Orange Holiday: data used up, plan expires Mon 30 Nov 00:00 UTC: renew now")
    }

    @Test func expiringAndExpired() {
        let rule = Fixture.rule(.expiresWithin([.days(3), .days(1)]))
        #expect(
            compose(.expiring, remaining: 500_000_000, rule: rule, stage: 0)
                == "Orange Holiday: plan expires in 3d (Mon 30 Nov 00:00 UTC), 500 MB left: renew now"
        )
        #expect(
            compose(.expiring, remaining: 0, rule: rule, stage: 2)
                == "Orange Holiday: plan expired Mon 30 Nov 00:00 UTC: renew now"
        )
    }

    @Test func runsOutGivesTheDailyAllowance() {
        let forecast = Forecast(
            pacePerDay: ByteCount(bytes: 600_000_000),
            runsOutAt: now + .days(2),
            dailyAllowance: ByteCount(bytes: 400_000_000)
        )
        #expect(
            compose(.runsOut, remaining: 1_200_000_000, forecast: forecast)
                == "Orange Holiday: at this pace (600 MB/day) data runs out in 2d (Sun 29 Nov 00:00 UTC), 1d before the plan expires, use at most 400 MB/day to last"
        )
    }

    @Test func creditStaleAndRenewed() {
        let credit = Fixture.rule(.creditBelow(Money(amount: 5, currency: "EUR")))
        #expect(
            compose(
                .creditLow,
                remaining: 1,
                rule: credit,
                credit: Money(amount: Decimal(string: "4.52")!, currency: "EUR")
            )
                == "Orange Holiday: credit 4.52 EUR, below 5 EUR: top up"
        )
        #expect(
            compose(.stale, remaining: 1, lastSuccess: now - .hours(30))
                == "Orange Holiday: no reading for 1d 6h (last Wed 25 Nov 18:00 UTC)"
        )
        #expect(
            compose(.renewed, remaining: 5_000_000_000)
                == "Orange Holiday: renewed, 5 GB available, valid until Mon 30 Nov 00:00 UTC"
        )
    }
}

@Suite struct ReminderComposerRenewalTests {
    let now = Fixture.start + .days(7)

    func text(_ kind: ReminderKind, renew: RenewalGuide) -> (summary: String, details: [String]) {
        var snapshot = Fixture.snapshot(Fixture.reading(at: now, remaining: 100_000_000, credit: nil))
        snapshot.line.renew = renew
        return ReminderComposer(zone: .utc).compose(
            kind: kind,
            rule: nil,
            stage: nil,
            snapshot: snapshot,
            forecast: Forecast(),
            now: now
        )
    }

    @Test func theCallToActionCarriesThePageAndTheDetailsSayHow() throws {
        let guide = RenewalGuide(
            url: try RenewalGuide.Link(parsing: "https://boutique.orange.fr/recharge"),
            support: try SupportContact(parsing: "+33 9 69 36 39 00")
        )
        let low = text(.lowData, renew: guide)
        #expect(low.summary.hasSuffix(": renew now at https://boutique.orange.fr/recharge"))
        #expect(low.details.first == "Renew at https://boutique.orange.fr/recharge; support +33 9 69 36 39 00.")
        #expect(text(.expiring, renew: guide).summary.hasSuffix("renew now at https://boutique.orange.fr/recharge"))
        #expect(text(.creditLow, renew: guide).summary.hasSuffix("top up at https://boutique.orange.fr/recharge"))
    }

    @Test func aRenewedLineIsNotToldToRenew() throws {
        let guide = RenewalGuide(url: try RenewalGuide.Link(parsing: "https://boutique.orange.fr/recharge"))
        let renewed = text(.renewed, renew: guide)
        #expect(!renewed.summary.contains("https://"))
        #expect(!renewed.details.contains { $0.hasPrefix("Renew") })
    }

    @Test func withoutAGuideNothingChanges() {
        let low = text(.lowData, renew: RenewalGuide())
        #expect(low.summary.hasSuffix(": renew now"))
        #expect(low.details.first?.hasPrefix("Remaining:") == true)
    }
}
