import FoundationEssentials
import SimwatchCore
import Testing

@Suite struct OfferAdvisorTests {
    let now = Fixture.start  // Fri 20 Nov 2026 00:00 UTC

    static func offer(_ name: String, _ data: String?, _ valid: TimeSpan, _ price: String) -> Offer {
        Offer(
            name: name,
            data: data.map { try! ByteCount(parsing: $0) },
            validity: valid,
            price: try! Money(parsing: price)
        )
    }

    static let holiday = offer("Orange Holiday 10 GB", "10GB", .days(30), "20 EUR")
    static let small = offer("Orange 5 GB", "5GB", .days(30), "12 EUR")
    static let week = offer("Orange Unlimited 7 days", nil, .days(7), "15 EUR")
    static let airalo = offer("Airalo France 10 GB", "10GB", .days(30), "22 USD")

    func advise(
        _ offers: [Offer],
        until: Date? = nil,
        pace: Int64? = 590_000_000,
        remaining: Int64? = 0,
        period: PlanPeriod? = nil
    ) -> OfferAdvice {
        OfferAdvisor.advise(
            offers,
            neededUntil: until,
            pace: pace.map { ByteCount(bytes: $0) },
            remaining: remaining.map { ByteCount(bytes: $0) },
            period: period,
            now: now
        )
    }

    @Test func theCheapestOfferThatCoversTheTripIsPicked() {
        let advice = advise([Self.small, Self.week, Self.holiday], until: now + .days(16))
        #expect(advice.need?.data == ByteCount(bytes: 9_440_000_000))
        #expect(advice.options.map(\.offer.name) == ["Orange Holiday 10 GB", "Orange 5 GB", "Orange Unlimited 7 days"])
        #expect(advice.options.map(\.count) == [1, 2, 3])
        #expect(advice.options.map { $0.totalCost?.description } == ["20 EUR", "24 EUR", "45 EUR"])
        #expect(advice.picks.map(\.offer.name) == ["Orange Holiday 10 GB"])
        #expect(
            advice.sentence(zone: .utc)
                == "At your pace (590 MB/day) you need about 9.4 GB until Sun 6 Dec: Orange Holiday 10 GB, 20 EUR, "
                + "covers it (2.00 EUR/GB)."
        )
    }

    @Test func repeatsOfACheaperOfferCanWin() {
        let cheap = Self.offer("Mini 2 GB", "2GB", .days(30), "3 EUR")
        let advice = advise([Self.holiday, cheap], until: now + .days(16))
        #expect(advice.picks.first?.offer.name == "Mini 2 GB")
        #expect(advice.picks.first?.count == 5)
        #expect(advice.sentence(zone: .utc)?.contains(": 5 × Mini 2 GB, 15 EUR, covers it (1.50 EUR/GB).") == true)
    }

    @Test func aTieGoesToTheLowerCostPerGB() {
        let bigger = Self.offer("Bigger 20 GB", "20GB", .days(30), "20 EUR")
        #expect(advise([Self.holiday, bigger], until: now + .days(16)).picks.first?.offer.name == "Bigger 20 GB")
    }

    @Test func currenciesAreNeverComparedButEachHasItsPick() {
        let advice = advise([Self.airalo, Self.holiday], until: now + .days(16))
        #expect(advice.mixedCurrencies)
        #expect(advice.picks.map(\.offer.price.currency) == ["USD", "EUR"])
        #expect(
            advice.sentence(zone: .utc)
                == "At your pace (590 MB/day) you need about 9.4 GB until Sun 6 Dec: Airalo France 10 GB, 22 USD, "
                + "covers it (2.20 USD/GB); in EUR: Orange Holiday 10 GB, 20 EUR, covers it (2.00 EUR/GB) "
                + "(prices in different currencies are not compared)."
        )
    }

    @Test func dataStillValidCountsOnlyWhileItCanBeUsed() {
        // 2 GB left, but the plan expires in 2 days: only 2 × 590 MB of it will be used.
        let period = PlanPeriod(startedAt: now - .days(5), quota: nil, expiresAt: now + .days(2))
        let advice = advise([Self.holiday], until: now + .days(10), remaining: 2_000_000_000, period: period)
        #expect(advice.need?.data == ByteCount(bytes: 5_900_000_000 - 1_180_000_000))
    }

    @Test func withoutAnEndItIsTheRestOfThePeriodAndOneMore() {
        let period = PlanPeriod(startedAt: now - .days(5), quota: nil, expiresAt: now + .days(2))
        #expect(advise([Self.holiday], period: period).need?.until == now + .days(9))
        #expect(advise([Self.holiday]).need?.until == now + .days(30))
    }

    @Test func anExpiredPlanNeedsAnotherPeriodFromNow() {
        let period = PlanPeriod(startedAt: now - .days(9), quota: nil, expiresAt: now - .days(2))
        #expect(advise([Self.holiday], period: period).need?.until == now + .days(7))
    }

    @Test func whenTheDataRanOutThePeriodsAveragePaceCounts() {
        // 7 GB of 7 GB used in 7 days: 1 GB/day on average, though nothing was used lately (nothing was left).
        let period = PlanPeriod(
            startedAt: now - .days(7),
            quota: ByteCount(bytes: 7_000_000_000),
            expiresAt: now + .days(3)
        )
        let advice = OfferAdvisor.advise(
            [Self.holiday],
            neededUntil: now + .days(10),
            pace: ByteCount(bytes: 0),
            remaining: ByteCount(bytes: 0),
            total: ByteCount(bytes: 7_000_000_000),
            period: period,
            now: now
        )
        #expect(advice.need?.pace == ByteCount(bytes: 1_000_000_000))
        #expect(advice.need?.data == ByteCount(bytes: 10_000_000_000))
        // A recent pace above the average wins; less than a day into a period, the average is not used.
        let young = PlanPeriod(startedAt: now - .hours(12), quota: ByteCount(bytes: 7_000_000_000), expiresAt: nil)
        #expect(
            OfferAdvisor.pace(
                recent: ByteCount(bytes: 5),
                remaining: ByteCount(bytes: 0),
                total: ByteCount(bytes: 7_000_000_000),
                period: young,
                now: now
            ) == ByteCount(bytes: 5)
        )
    }

    @Test func whatIsLeftMayLastAndThePlanStillNeedsKeeping() {
        let advice = advise([Self.holiday], until: now + .days(3), remaining: 5_000_000_000)
        #expect(advice.need?.data == ByteCount(bytes: 0))
        #expect(
            advice.sentence(zone: .utc)
                == "At your pace (590 MB/day) the data left lasts until Mon 23 Nov; to keep the line until then: "
                + "Orange Holiday 10 GB, 20 EUR, covers it (2.00 EUR/GB)."
        )
    }

    @Test func noPaceNoEndOrNoPracticalOfferGivesNoSentence() {
        #expect(advise([Self.holiday], pace: nil).sentence(zone: .utc) == nil)
        #expect(advise([Self.holiday], pace: nil).options.first?.count == nil)
        #expect(advise([Self.holiday], until: now - .days(1)).need == nil)
        let tiny = Self.offer("Tiny", "1MB", .days(30), "1 EUR")
        let advice = advise([tiny], until: now + .days(16))
        #expect(advice.options.first?.count == nil)
        #expect(advice.picks.isEmpty)
        #expect(advice.sentence(zone: .utc) == nil)
    }

    @Test func hugeFiguresStayFinite() {
        let advice = advise(
            [Self.holiday],
            until: Date(timeIntervalSince1970: 253_402_300_799),
            pace: 1_000_000_000_000_000,
            remaining: Int64.max
        )
        #expect(advice.need != nil)
        #expect(advice.options.first?.count == nil)
        #expect(Money.rate(1e300, currency: "EUR") == "more than 10^15 EUR")
        #expect(Money.rate(.nan, currency: "EUR") == "? EUR")
        #expect(Money.rate(2.005, currency: "EUR") == "2.01 EUR" || Money.rate(2.005, currency: "EUR") == "2.00 EUR")
    }
}
