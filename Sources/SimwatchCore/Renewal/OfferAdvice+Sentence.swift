extension OfferAdvice {
    /// One sentence for reminders: "At your pace (590 MB/day) you need about 9.4 GB until Sun 20 Dec: Orange
    /// Holiday 10 GB, 20 EUR, covers it (2.00 EUR/GB)." Nil without a need or an offer that covers it.
    public func sentence(zone: ZoneInfo) -> String? {
        guard let need, let first = picks.first else { return nil }
        let day = zone.localDateTime(need.until).dayDescription
        var text = "At your pace (\(need.pace)/day) "
        text +=
            need.data.bytes > 0
            ? "you need about \(need.data) until \(day): "
            : "the data left lasts until \(day); to keep the line until then: "
        text += Self.words(first)
        for other in picks.dropFirst() {
            text += "; in \(other.offer.price.currency): " + Self.words(other)
        }
        if picks.count > 1 { text += " (prices in different currencies are not compared)" }
        return text + "."
    }

    /// "Orange Holiday 10 GB, 20 EUR, covers it (2.00 EUR/GB)", "3 × Orange 1 GB, 15 EUR, covers it (...)".
    static func words(_ option: Option) -> String {
        let times = (option.count ?? 1) > 1 ? "\(option.count ?? 1) × " : ""
        let total = option.totalCost?.description ?? option.offer.price.description
        let rate =
            option.costPerGB.map { Money.rate($0, currency: option.offer.price.currency) + "/GB" } ?? "unlimited data"
        return "\(times)\(option.offer.name), \(total), covers it (\(rate))"
    }
}
