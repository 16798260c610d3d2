public import SimwatchControl
import SimwatchModel

/// `simwatchctl offers LINE`: the need at the line's pace, each offer's cost for it, the pick.
public enum OffersView {
    public static func render(_ reply: GetOffers.Reply, context: ViewContext) -> [String] {
        let style = context.style
        var lines: [String] = []
        if let need = reply.need, let until = TimeFormat.wire(need.until) {
            let day = context.time.zone.localDateTime(until).dayDescription
            let pace = "\(ByteCount(bytes: need.paceBytesPerDay))/day"
            lines.append(
                need.dataBytes > 0
                    ? "At your pace (\(pace)) \(reply.line) needs about \(ByteCount(bytes: need.dataBytes)) more "
                        + "until \(day) (\(TimeSpan(seconds: Int64(need.days * 86_400))))."
                    : "At your pace (\(pace)) the data left on \(reply.line) lasts until \(day); it needs keeping "
                        + "until then."
            )
        } else {
            lines.append("\(reply.line): no pace measured yet, so no need to compare the offers against.")
        }
        guard !reply.offers.isEmpty else {
            return lines + ["No offers: add [[line.offer]] or [[offer]] tables to the configuration."]
        }
        lines.append("")
        var table = TextTable([
            .init("OFFER", shrinks: true), .init("DATA", alignRight: true), .init("VALID", alignRight: true),
            .init("PRICE", alignRight: true), .init("FOR THE NEED", alignRight: true),
            .init("PER GB", alignRight: true), .init("PER DAY", alignRight: true), .init("COVERS"),
        ])
        for offer in reply.offers {
            table.append([
                (offer.pick ? "* " : "  ") + offer.name,
                offer.dataBytes.map { ByteCount(bytes: $0).description } ?? "unlimited",
                TimeSpan(seconds: offer.validSeconds).description,
                offer.price,
                offer.totalCost ?? "-",
                offer.costPerGb.map { Money.rate($0, currency: offer.currency) } ?? "-",
                Money.rate(offer.costPerDay, currency: offer.currency),
                covers(offer, needKnown: reply.need != nil),
            ])
        }
        lines += table.render(style: style, maxWidth: context.width)
        lines.append("")
        if let advice = reply.advice {
            lines.append("Pick (*): " + advice)
        } else if reply.need != nil {
            lines.append("No offer covers the need in 100 purchases or fewer.")
        }
        if reply.mixedCurrencies {
            let currencies = reply.offers.map(\.currency).reduce(into: [String]()) {
                if !$0.contains($1) { $0.append($1) }
            }
            lines.append(
                "Offers in \(currencies.joined(separator: ", ")): prices in different currencies are never added "
                    + "or compared, so there is one pick per currency."
            )
        }
        return lines
    }

    /// "yes", "3 ×" (three purchases), "-" (more than 100, or no need known).
    static func covers(_ offer: OfferInfo, needKnown: Bool) -> String {
        guard needKnown, let count = offer.count else { return "-" }
        return count == 1 ? "yes" : "\(count) ×"
    }
}
