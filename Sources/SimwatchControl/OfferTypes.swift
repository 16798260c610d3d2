/// `GetOffers`: what a line needs until it is no longer needed, each offer's cost for that, and the pick.
public enum GetOffers: ControlMethod {
    public static let method = "GetOffers"
    public typealias Parameters = LineParameters

    public struct Reply: Codable, Sendable, Hashable {
        public var now: String
        public var line: String
        /// Absent without a measured pace, or when the line is no longer needed.
        public var need: OfferNeedInfo?
        /// Cheapest first within each currency.
        public var offers: [OfferInfo]
        /// The offers come in more than one currency, which are never added or compared.
        public var mixedCurrencies: Bool
        /// The sentence reminders carry; absent without a need or an offer that covers it.
        public var advice: String?

        public init(
            now: String,
            line: String,
            need: OfferNeedInfo?,
            offers: [OfferInfo],
            mixedCurrencies: Bool,
            advice: String?
        ) {
            self.now = now
            self.line = line
            self.need = need
            self.offers = offers
            self.mixedCurrencies = mixedCurrencies
            self.advice = advice
        }
    }
}

/// The data and days an offer has to cover.
public struct OfferNeedInfo: Codable, Sendable, Hashable {
    public var paceBytesPerDay: Int64
    public var until: String
    public var days: Double
    /// Beyond what is left and still valid; 0 when what is left lasts.
    public var dataBytes: Int64

    public init(paceBytesPerDay: Int64, until: String, days: Double, dataBytes: Int64) {
        self.paceBytesPerDay = paceBytesPerDay
        self.until = until
        self.days = days
        self.dataBytes = dataBytes
    }
}

/// One offer and what it costs to cover the need.
public struct OfferInfo: Codable, Sendable, Hashable {
    public var name: String
    /// Absent for unlimited data.
    public var dataBytes: Int64?
    public var validSeconds: Int64
    /// "20 EUR", exact as configured.
    public var price: String
    public var currency: String
    public var url: String?
    /// Purchases that cover the need; absent when the need is unknown or it would take more than 100.
    public var count: Int?
    /// `count` times the price, exact.
    public var totalCost: String?
    /// Rounded to cents, in `currency`; absent for unlimited data.
    public var costPerGb: Double?
    public var costPerDay: Double
    /// The cheapest that covers the need, in its currency.
    public var pick: Bool

    public init(
        name: String,
        dataBytes: Int64?,
        validSeconds: Int64,
        price: String,
        currency: String,
        url: String?,
        count: Int?,
        totalCost: String?,
        costPerGb: Double?,
        costPerDay: Double,
        pick: Bool
    ) {
        self.name = name
        self.dataBytes = dataBytes
        self.validSeconds = validSeconds
        self.price = price
        self.currency = currency
        self.url = url
        self.count = count
        self.totalCost = totalCost
        self.costPerGb = costPerGb
        self.costPerDay = costPerDay
        self.pick = pick
    }
}
