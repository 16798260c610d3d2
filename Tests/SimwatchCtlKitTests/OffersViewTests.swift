import SimwatchControl
import SimwatchCtlKit
import Testing

@Suite struct OffersViewTests {
    static func offer(
        _ name: String,
        data: Int64?,
        price: String,
        currency: String = "EUR",
        count: Int?,
        total: String?,
        perGB: Double?,
        perDay: Double,
        pick: Bool = false
    ) -> OfferInfo {
        OfferInfo(
            name: name,
            dataBytes: data,
            validSeconds: 30 * 86_400,
            price: price,
            currency: currency,
            url: nil,
            count: count,
            totalCost: total,
            costPerGb: perGB,
            costPerDay: perDay,
            pick: pick
        )
    }

    static let reply = GetOffers.Reply(
        now: "2026-11-27T10:00:00+01:00",
        line: "fr-holiday",
        need: OfferNeedInfo(
            paceBytesPerDay: 590_000_000,
            until: "2026-12-13T10:00:00+01:00",
            days: 16,
            dataBytes: 9_440_000_000
        ),
        offers: [
            offer(
                "Orange Holiday 10 GB",
                data: 10_000_000_000,
                price: "20 EUR",
                count: 1,
                total: "20 EUR",
                perGB: 2,
                perDay: 0.67,
                pick: true
            ),
            offer(
                "Orange 5 GB",
                data: 5_000_000_000,
                price: "12 EUR",
                count: 2,
                total: "24 EUR",
                perGB: 2.4,
                perDay: 0.4
            ),
            offer("Orange Unlimited", data: nil, price: "300 EUR", count: nil, total: nil, perGB: nil, perDay: 10),
        ],
        mixedCurrencies: false,
        advice: "At your pace (590 MB/day) you need about 9.4 GB until Sun 13 Dec: Orange Holiday 10 GB, 20 EUR, "
            + "covers it (2.00 EUR/GB)."
    )

    @Test func theComparisonShowsTheNeedEachCostAndThePick() {
        #expect(
            OffersView.render(Self.reply, context: plainContext) == [
                "At your pace (590 MB/day) fr-holiday needs about 9.4 GB more until Sun 13 Dec (16d).",
                "",
                "OFFER                        DATA  VALID    PRICE  FOR THE NEED    PER GB    PER DAY  COVERS",
                "* Orange Holiday 10 GB      10 GB    30d   20 EUR        20 EUR  2.00 EUR   0.67 EUR  yes",
                "  Orange 5 GB                5 GB    30d   12 EUR        24 EUR  2.40 EUR   0.40 EUR  2 ×",
                "  Orange Unlimited      unlimited    30d  300 EUR             -         -  10.00 EUR  -",
                "",
                "Pick (*): At your pace (590 MB/day) you need about 9.4 GB until Sun 13 Dec: Orange Holiday 10 GB, "
                    + "20 EUR, covers it (2.00 EUR/GB).",
            ]
        )
    }

    @Test func currenciesAreSaidToBeApart() {
        var reply = Self.reply
        reply.offers.append(
            Self.offer(
                "Airalo 10 GB",
                data: 10_000_000_000,
                price: "22 USD",
                currency: "USD",
                count: 1,
                total: "22 USD",
                perGB: 2.2,
                perDay: 0.73,
                pick: true
            )
        )
        reply.mixedCurrencies = true
        #expect(
            OffersView.render(reply, context: plainContext).last
                == "Offers in EUR, USD: prices in different currencies are never added or compared, so there is one "
                + "pick per currency."
        )
    }

    @Test func withoutAPaceOrOffersItSaysWhy() {
        var reply = Self.reply
        reply.need = nil
        reply.advice = nil
        let lines = OffersView.render(reply, context: plainContext)
        #expect(lines.first == "fr-holiday: no pace measured yet, so no need to compare the offers against.")
        #expect(lines.contains { $0.hasPrefix("* Orange Holiday 10 GB") && $0.hasSuffix("-") })
        reply.offers = []
        #expect(
            OffersView.render(reply, context: plainContext).last
                == "No offers: add [[line.offer]] or [[offer]] tables to the configuration."
        )
    }
}
