public import FoundationEssentials
public import SimwatchCore

/// A renewal to record, as asked for (`simwatchctl renew`, the control API's `Renew`): the new plan, explicitly or
/// from an offer, and what the ledger keeps of it.
public struct RenewalRequest: Sendable {
    public var data: ByteCount?
    public var validFor: TimeSpan?
    public var expires: Date?
    /// When it was made, when earlier than now.
    public var at: Date?
    /// One of the line's offers, by name: its data, validity and price unless given.
    public var offer: String?
    public var price: Money?
    public var order: String?
    public var note: String?
    /// Already kept in the receipt store.
    public var receipt: Receipt?

    public init(
        data: ByteCount? = nil,
        validFor: TimeSpan? = nil,
        expires: Date? = nil,
        at: Date? = nil,
        offer: String? = nil,
        price: Money? = nil,
        order: String? = nil,
        note: String? = nil,
        receipt: Receipt? = nil
    ) {
        self.data = data
        self.validFor = validFor
        self.expires = expires
        self.at = at
        self.offer = offer
        self.price = price
        self.order = order
        self.note = note
        self.receipt = receipt
    }

    /// An order number or a note: one line of printable text, at most `limit` characters (`OneLineText`).
    static func checkText(_ text: String?, _ parameter: String, limit: Int) throws(RequestError) -> String? {
        guard let text else { return nil }
        switch OneLineText.check(text, limit: limit) {
        case .success(let checked): return checked
        case .failure(.empty): return nil
        case .failure(.controlCharacters):
            throw .invalid(parameter: parameter, reason: "must be one line without control characters")
        case .failure(.tooLong(let limit)):
            throw .invalid(parameter: parameter, reason: "longer than \(limit) characters")
        }
    }

    /// A price people pay: not negative, under a billion.
    static func checkPrice(_ price: Money?) throws(RequestError) -> Money? {
        guard let price else { return nil }
        guard price.amount >= 0, price.amount < 1_000_000_000 else {
            throw .invalid(parameter: "price", reason: "must be between 0 and 999999999")
        }
        return price
    }
}
