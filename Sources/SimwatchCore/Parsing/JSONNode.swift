import FoundationEssentials

/// A parsed JSON document of unknown shape, for the generic JSON source and script output.
public enum JSONNode: Sendable, Hashable, Decodable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONNode])
    case object([String: JSONNode])

    /// Parses UTF-8 JSON text.
    public init(parsing bytes: [UInt8]) throws(JSONNodeError) {
        do {
            self = try JSONDecoder().decode(JSONNode.self, from: Data(bytes))
        } catch {
            let preview = String(decoding: bytes.prefix(60), as: UTF8.self)
            throw JSONNodeError(message: "not valid JSON (starts with \"\(preview)\")")
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONNode].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONNode].self))
        }
    }

    /// The value at a JSON pointer (RFC 6901: "/data/remaining", "/items/0/left", "" for the whole document).
    public func at(pointer: String) -> JSONNode? {
        guard !pointer.isEmpty else { return self }
        guard pointer.hasPrefix("/") else { return nil }
        var node = self
        for raw in pointer.dropFirst().split(separator: "/", omittingEmptySubsequences: false) {
            let token = String(raw).replacing("~1", with: "/").replacing("~0", with: "~")
            switch node {
            case .object(let members):
                guard let next = members[token] else { return nil }
                node = next
            case .array(let items):
                guard let index = Int(token), items.indices.contains(index) else { return nil }
                node = items[index]
            default:
                return nil
            }
        }
        return node
    }

    /// True for a syntactically valid JSON pointer.
    public static func isValidPointer(_ pointer: String) -> Bool {
        pointer.isEmpty || pointer.hasPrefix("/")
    }

    public var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    /// A number, or a string holding one.
    public var numberValue: Double? {
        switch self {
        case .number(let d): return d
        case .string(let s): return Double(DecimalLiteral.trimmed(s))
        default: return nil
        }
    }

    public var boolValue: Bool? {
        switch self {
        case .bool(let b): return b
        case .number(let d): return d != 0
        case .string(let s): return ["true", "yes", "1"].contains(s.lowercased())
        default: return nil
        }
    }

    public var isNull: Bool { self == .null }
}

/// JSON that could not be parsed or did not have the expected shape.
public struct JSONNodeError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String

    public init(message: String) {
        self.message = message
    }

    public var description: String { message }
}
