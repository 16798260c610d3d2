import FoundationEssentials

/// A method call as it travels on the wire:
/// `{"method": "iface.Method", "parameters": {...}, "more": true, "oneway": true, "upgrade": true}`.
///
/// Flags that are false are left out when encoding; missing `parameters` decode as an empty object.
public struct VarlinkCall: Sendable, Hashable, Codable {
    /// Qualified method name, "io.simwatch.Control.GetStatus".
    public var method: String
    /// The call's parameters: always a JSON object.
    public var parameters: JSONValue
    /// The caller accepts several replies (`continues: true` on all but the last).
    public var more: Bool
    /// The caller wants no reply at all.
    public var oneway: Bool
    /// The caller asks to switch protocols after the reply; simwatch supports no upgrades.
    public var upgrade: Bool

    public init(
        method: String,
        parameters: JSONValue = .object([:]),
        more: Bool = false,
        oneway: Bool = false,
        upgrade: Bool = false
    ) {
        self.method = method
        self.parameters = parameters
        self.more = more
        self.oneway = oneway
        self.upgrade = upgrade
    }

    private enum CodingKeys: String, CodingKey {
        case method, parameters, more, oneway, upgrade
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        method = try container.decode(String.self, forKey: .method)
        let parameters = try container.decodeIfPresent(JSONValue.self, forKey: .parameters) ?? .null
        switch parameters {
        case .null: self.parameters = .object([:])
        case .object: self.parameters = parameters
        default:
            throw DecodingError.typeMismatch(
                JSONValue.self,
                .init(codingPath: [CodingKeys.parameters], debugDescription: "parameters must be an object")
            )
        }
        more = try container.decodeIfPresent(Bool.self, forKey: .more) ?? false
        oneway = try container.decodeIfPresent(Bool.self, forKey: .oneway) ?? false
        upgrade = try container.decodeIfPresent(Bool.self, forKey: .upgrade) ?? false
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(method, forKey: .method)
        try container.encode(parameters, forKey: .parameters)
        if more { try container.encode(true, forKey: .more) }
        if oneway { try container.encode(true, forKey: .oneway) }
        if upgrade { try container.encode(true, forKey: .upgrade) }
    }

    /// Decodes one message (without its NUL); anything that is not a call is `.malformed`.
    public static func decode(_ message: [UInt8]) throws(VarlinkTransportError) -> VarlinkCall {
        switch parse(message) {
        case .success(let call): return call
        case .failure(let failure): throw .malformed("\(failure.field): \(failure.reason)")
        }
    }

    /// Which part of a message was wrong, for the InvalidParameter reply.
    struct DecodeFailure: Error {
        /// "message" (not a JSON object), "method", "parameters", "more", "oneway" or "upgrade".
        var field: String
        var reason: String
    }

    static func parse(_ message: [UInt8]) -> Result<VarlinkCall, DecodeFailure> {
        do {
            return .success(try JSONDecoder().decode(VarlinkCall.self, from: Data(message)))
        } catch let DecodingError.keyNotFound(key, _) {
            return .failure(DecodeFailure(field: key.stringValue, reason: "missing"))
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
            guard let key = context.codingPath.first?.stringValue else {
                return .failure(DecodeFailure(field: "message", reason: "not a JSON object"))
            }
            return .failure(DecodeFailure(field: key, reason: "wrong type"))
        } catch {
            return .failure(DecodeFailure(field: "message", reason: "not valid JSON"))
        }
    }

    /// The call as JSON followed by the NUL terminator: compact, keys sorted, as `VarlinkFrame.encode` writes
    /// it, but written here rather than by JSONEncoder (every simwatchctl command sends one, and JSONEncoder's
    /// first use cost more than the rest of the call).
    public func framed() throws -> [UInt8] {
        var text = #"{"method":"# + JSONValue.quote(method)
        if more { text += #","more":true"# }
        if oneway { text += #","oneway":true"# }
        text += #","parameters":"# + parameters.description
        if upgrade { text += #","upgrade":true"# }
        text += "}"
        var bytes = Array(text.utf8)
        bytes.append(VarlinkFrame.terminator)
        return bytes
    }
}
