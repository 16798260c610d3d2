import FoundationEssentials
import SimwatchControl
import SimwatchCore

extension WireFormat {
    /// An offer advice as the `GetOffers` reply: rates rounded to cents, prices and totals exact as text.
    func offers(_ advice: OfferAdvice, line: String, now: Date) -> GetOffers.Reply {
        let picks = Set(advice.picks.map(\.offer.name))
        return GetOffers.Reply(
            now: time(now),
            line: line,
            need: advice.need.map {
                OfferNeedInfo(
                    paceBytesPerDay: $0.pace.bytes,
                    until: time($0.until),
                    days: ($0.days * 100).rounded() / 100,
                    dataBytes: $0.data.bytes
                )
            },
            offers: advice.options.map { option in
                OfferInfo(
                    name: option.offer.name,
                    dataBytes: option.offer.data?.bytes,
                    validSeconds: option.offer.validity.seconds,
                    price: option.offer.price.description,
                    currency: option.offer.price.currency,
                    url: option.offer.url?.text,
                    count: option.count,
                    totalCost: option.totalCost?.description,
                    costPerGb: option.costPerGB.map(Self.cents),
                    costPerDay: Self.cents(option.costPerDay),
                    pick: picks.contains(option.offer.name)
                )
            },
            mixedCurrencies: advice.mixedCurrencies,
            advice: advice.sentence(zone: zone)
        )
    }

    /// Rounded to cents, and finite (JSON has no infinity).
    static func cents(_ value: Double) -> Double {
        value.isFinite ? min((value * 100).rounded() / 100, 1e15) : 0
    }
}
