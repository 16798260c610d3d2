public import FoundationEssentials

/// Picks the offer (or repeats of one offer) that covers what a line needs until it is no longer needed, at the
/// lowest cost; ties go to the lower cost per GB. Pure: everything comes from the arguments.
public enum OfferAdvisor {
    /// More purchases than this are not advice.
    public static let maximumCount = 100
    /// The need is counted over at most ten years.
    static let maximumDays = 3650.0

    public static func advise(
        _ offers: [Offer],
        neededUntil: Date?,
        pace: ByteCount?,
        remaining: ByteCount?,
        total: ByteCount? = nil,
        period: PlanPeriod?,
        now: Date
    ) -> OfferAdvice {
        let pace = self.pace(recent: pace, remaining: remaining, total: total, period: period, now: now)
        let need = self.need(neededUntil: neededUntil, pace: pace, remaining: remaining, period: period, now: now)
        let currencies = offers.map(\.price.currency).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        var options: [OfferAdvice.Option] = []
        var picks: [OfferAdvice.Option] = []
        for currency in currencies {
            let sorted = offers.filter { $0.price.currency == currency }.map { option($0, need: need) }.sorted(
                by: cheaper
            )
            options += sorted
            if need != nil, let best = sorted.first(where: { $0.count != nil }) { picks.append(best) }
        }
        return OfferAdvice(need: need, options: options, picks: picks)
    }

    /// The pace to plan with: the recent one (the forecast's), or the period's average when that is higher. Once the
    /// data has run out the recent pace drops to nothing, but the person will use data again after renewing.
    public static func pace(
        recent: ByteCount?,
        remaining: ByteCount?,
        total: ByteCount?,
        period: PlanPeriod?,
        now: Date
    ) -> ByteCount? {
        guard let period, let total, let remaining, total.bytes > 0 else { return recent }
        let end = min(now, period.expiresAt ?? now)
        let days = end.timeIntervalSince(period.startedAt) / 86_400
        guard days >= 1 else { return recent }
        let used = Double(max(0, min(total.bytes, total.bytes - max(0, remaining.bytes))))
        let average = ByteCount(bytes: Int64(min((used / days).rounded(), 1e18)))
        guard let recent else { return average }
        return max(recent, average)
    }

    /// Until when: `neededUntil`, else the end of the current period and one more period (from now, once the
    /// period has ended), else 30 days. The data:
    /// the pace over those days, less what is left that is still valid while it is used.
    static func need(
        neededUntil: Date?,
        pace: ByteCount?,
        remaining: ByteCount?,
        period: PlanPeriod?,
        now: Date
    ) -> OfferAdvice.Need? {
        guard let pace, pace.bytes >= 0 else { return nil }
        let until: Date
        if let neededUntil {
            until = neededUntil
        } else if let period, let expires = period.expiresAt, expires > period.startedAt {
            until = max(expires, now).addingTimeInterval(expires.timeIntervalSince(period.startedAt))
        } else {
            until = now + .days(30)
        }
        guard until > now else { return nil }
        let days = min(until.timeIntervalSince(now) / 86_400, maximumDays)
        let perDay = Double(pace.bytes)
        var usable = Double(max(0, remaining?.bytes ?? 0))
        if let expires = period?.expiresAt {
            let validDays = max(0, min(expires, until).timeIntervalSince(now) / 86_400)
            usable = min(usable, perDay * validDays)
        }
        let data = max(0, perDay * days - usable)
        return OfferAdvice.Need(pace: pace, until: until, days: days, data: ByteCount(bytes: Int64(min(data, 9e18))))
    }

    static func option(_ offer: Offer, need: OfferAdvice.Need?) -> OfferAdvice.Option {
        let price = offer.price.approximateValue
        let validityDays = max(offer.validity.timeInterval / 86_400, 1.0 / 24)
        let costPerGB = offer.data.map { price / max(Double($0.bytes) / 1e9, 1e-9) }
        var count: Int?
        if let need {
            let forDays = (need.days / validityDays).rounded(.up)
            let forData = offer.data.map { (Double(need.data.bytes) / Double(max($0.bytes, 1))).rounded(.up) } ?? 0
            let needed = max(1, forDays, forData)
            if needed <= Double(maximumCount) { count = Int(needed) }
        }
        return OfferAdvice.Option(
            offer: offer,
            count: count,
            totalCost: count.map { Money(amount: offer.price.amount * Decimal($0), currency: offer.price.currency) },
            costPerGB: costPerGB,
            costPerDay: price / validityDays
        )
    }

    /// Covering first; then the lower total; then the lower cost per GB (unlimited data counting as none); then
    /// by name, so the order never depends on the configuration's.
    static func cheaper(_ a: OfferAdvice.Option, _ b: OfferAdvice.Option) -> Bool {
        switch (a.totalCost, b.totalCost) {
        case (nil, nil): break
        case (nil, _): return false
        case (_, nil): return true
        case (let x?, let y?) where x.amount != y.amount: return x.amount < y.amount
        default: break
        }
        let (x, y) = (a.costPerGB ?? 0, b.costPerGB ?? 0)
        if x != y { return x < y }
        return a.offer.name < b.offer.name
    }
}
