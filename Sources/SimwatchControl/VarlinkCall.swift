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

    /// Reads one message as `init(from:)` reads it with JSONDecoder, naming the same field when it fails (the
    /// first wrong one in the order method, parameters, more, oneway, upgrade), but with `JSONParser` and by hand:
    /// every call the daemon answers passes through here.
    static func parse(_ message: [UInt8]) -> Result<VarlinkCall, DecodeFailure> {
        Result { () throws(DecodeFailure) in try read(message) }
    }

    private static func read(_ message: [UInt8]) throws(DecodeFailure) -> VarlinkCall {
        guard let value = try? JSONParser.parse(message) else {
            throw DecodeFailure(field: "message", reason: "not valid JSON")
        }
        guard case .object(let members) = value else {
            throw DecodeFailure(field: "message", reason: "not a JSON object")
        }
        guard let method = members["method"] else { throw DecodeFailure(field: "method", reason: "missing") }
        guard case .string(let name) = method else { throw DecodeFailure(field: "method", reason: "wrong type") }
        let parameters = members["parameters"] ?? .null
        switch parameters {
        case .null, .object: break
        default: throw DecodeFailure(field: "parameters", reason: "wrong type")
        }
        return VarlinkCall(
            method: name,
            parameters: parameters == .null ? .object([:]) : parameters,
            more: try flag("more", in: members),
            oneway: try flag("oneway", in: members),
            upgrade: try flag("upgrade", in: members)
        )
    }

    /// A flag member: false when missing or null.
    private static func flag(_ field: String, in members: [String: JSONValue]) throws(DecodeFailure) -> Bool {
        switch members[field] ?? .null {
        case .null: return false
        case .bool(let value): return value
        default: throw DecodeFailure(field: field, reason: "wrong type")
        }
    }

    /// The call as JSON followed by the NUL terminator: compact, keys sorted (`JSONTextWriter`'s text).
    public func framed() throws -> [UInt8] {
        var bytes = Array(#"{"method":"#.utf8)
        JSONTextWriter.quote(method, into: &bytes)
        if more { bytes += #","more":true"#.utf8 }
        if oneway { bytes += #","oneway":true"#.utf8 }
        bytes += #","parameters":"#.utf8
        JSONTextWriter.write(parameters, into: &bytes)
        if upgrade { bytes += #","upgrade":true"#.utf8 }
        bytes += [UInt8(ascii: "}"), VarlinkFrame.terminator]
        return bytes
    }
}
