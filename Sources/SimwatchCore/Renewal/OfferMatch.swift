import FoundationEssentials

/// Which configured offer a top-up seen in the readings was, so the ledger can price it: the one whose data is
/// what was added (or the new total) within 5%, and whose validity is the new period's within a day (or a tenth,
/// whichever is larger) when the provider reports an expiry. The cheapest such offer wins; none: unpriced.
public enum OfferMatch {
    public static func offer(
        in offers: [Offer],
        added: ByteCount?,
        total: ByteCount?,
        validFor seconds: Double?
    ) -> Offer? {
        let matches = offers.filter { offer in
            guard let data = offer.data, data.bytes > 0 else { return false }
            let sizes = [added, total].compactMap { $0 }
            guard sizes.contains(where: { close($0.bytes, data.bytes, tolerance: Double(data.bytes) * 0.05) }) else {
                return false
            }
            guard let seconds, seconds.isFinite, seconds > 0 else { return true }
            let validity = Double(offer.validity.seconds)
            return abs(seconds - validity) <= max(86_400, validity / 10)
        }
        return matches.min { a, b in
            a.price.currency == b.price.currency ? a.price.amount < b.price.amount : false
        }
    }

    private static func close(_ a: Int64, _ b: Int64, tolerance: Double) -> Bool {
        abs(Double(a) - Double(b)) <= tolerance
    }
}
