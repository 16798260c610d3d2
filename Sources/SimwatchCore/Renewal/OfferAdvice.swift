public import FoundationEssentials

/// What a line needs until it is no longer needed, at its pace, and what each offer costs to cover that.
public struct OfferAdvice: Sendable, Hashable {
    /// The data and days to cover.
    public struct Need: Sendable, Hashable {
        /// The measured pace, per day.
        public var pace: ByteCount
        /// Until when the line is needed.
        public var until: Date
        /// Days from now until then.
        public var days: Double
        /// Data needed beyond what is left (and still valid) on the line; zero when what is left lasts.
        public var data: ByteCount
    }

    /// One offer, bought as often as it takes to cover the need.
    public struct Option: Sendable, Hashable {
        public var offer: Offer
        /// Purchases that cover the need (days and data); nil when it would take more than
        /// `OfferAdvisor.maximumCount`, or when the need is not known (no pace yet).
        public var count: Int?
        /// `count` times the price.
        public var totalCost: Money?
        /// The price per GB of the offer's data; nil for unlimited data.
        public var costPerGB: Double?
        /// The price per day of the offer's validity.
        public var costPerDay: Double

        /// One purchase covers the need.
        public var coversWithOne: Bool { count == 1 }
    }

    /// Nil without a pace, or when the line is no longer needed.
    public var need: Need?
    /// Cheapest first within each currency; currencies in the order their offers are configured.
    public var options: [Option]
    /// The cheapest option that covers the need, one per currency.
    public var picks: [Option]

    /// The offers come in more than one currency (never added or compared as one).
    public var mixedCurrencies: Bool { Set(options.map(\.offer.price.currency)).count > 1 }
}
