/// A package a line can be renewed with (`[[offer]]` or `[[line.offer]]`): its data, how long it lasts, its price.
public struct Offer: Sendable, Hashable, Codable {
    /// As people know it: "Orange Holiday 10 GB".
    public var name: String
    /// Data it brings; nil is unlimited.
    public var data: ByteCount?
    /// How long one purchase lasts.
    public var validity: TimeSpan
    public var price: Money
    /// Where to buy it.
    public var url: RenewalGuide.Link?

    public init(name: String, data: ByteCount?, validity: TimeSpan, price: Money, url: RenewalGuide.Link? = nil) {
        self.name = name
        self.data = data
        self.validity = validity
        self.price = price
        self.url = url
    }
}
