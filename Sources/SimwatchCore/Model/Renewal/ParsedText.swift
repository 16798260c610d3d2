/// A value written as text and checked when parsed (a link, a recharge code): coded as that text, and checked
/// again when decoded, so an outbox row or a reply never brings back what the configuration would refuse.
public protocol ParsedText: Codable, CustomStringConvertible {
    init(parsing text: String) throws(UnitParseError)
}

extension ParsedText {
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        do {
            try self.init(parsing: text)
        } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.message))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
