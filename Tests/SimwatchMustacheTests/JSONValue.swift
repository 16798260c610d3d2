import FoundationEssentials
import SimwatchMustache

/// Any JSON value: the data of the specification's cases, and what the differential test hands to pystache.
indirect enum JSONValue: Codable, Hashable, Sendable {
    case string(String)
    case integer(Int)
    case decimal(Double)
    case bool(Bool)
    case array([JSONValue])
    case object([String: JSONValue])
    case null

    init(from decoder: any Decoder) throws {
        let single = try decoder.singleValueContainer()
        if single.decodeNil() {
            self = .null
        } else if let value = try? single.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? single.decode(Int.self) {
            self = .integer(value)
        } else if let value = try? single.decode(Double.self) {
            self = .decimal(value)
        } else if let value = try? single.decode(String.self) {
            self = .string(value)
        } else if let value = try? single.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try single.decode([String: JSONValue].self))
        }
    }

    func encode(to encoder: any Encoder) throws {
        var single = encoder.singleValueContainer()
        switch self {
        case .string(let value): try single.encode(value)
        case .integer(let value): try single.encode(value)
        case .decimal(let value): try single.encode(value)
        case .bool(let value): try single.encode(value)
        case .array(let value): try single.encode(value)
        case .object(let value): try single.encode(value)
        case .null: try single.encodeNil()
        }
    }

    /// The same data as the template sees it: numbers become their text (1.21 stays "1.21").
    var mustache: MustacheValue {
        switch self {
        case .string(let value): .string(value)
        case .integer(let value): .integer(value)
        case .decimal(let value): .number("\(value)")
        case .bool(let value): .bool(value)
        case .array(let value): .list(value.map(\.mustache))
        case .object(let value): .dictionary(value.mapValues(\.mustache))
        case .null: .null
        }
    }
}
