/// A reply as it travels on the wire: `{"parameters": {...}, "continues": true, "error": "iface.Name"}`.
///
/// An error reply carries the error's parameters in `parameters`. `continues` is left out when false and `error`
/// when nil; missing `parameters` decode as an empty object.
public struct VarlinkReply: Sendable, Hashable, Codable {
    /// The reply's (or the error's) parameters: a JSON object.
    public var parameters: JSONValue
    /// More replies to the same call follow.
    public var continues: Bool
    /// Qualified error name when the call failed.
    public var error: String?

    public init(parameters: JSONValue = .object([:]), continues: Bool = false, error: String? = nil) {
        self.parameters = parameters
        self.continues = continues
        self.error = error
    }

    /// The error reply for `error`.
    public init(error: ControlError) {
        self.init(parameters: error.parameters, continues: false, error: error.name)
    }

    /// The error this reply carries, if it is an error reply.
    public var controlError: ControlError? {
        error.map { ControlError(name: $0, parameters: parameters) }
    }

    private enum CodingKeys: String, CodingKey {
        case parameters, continues, error
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let parameters = try container.decodeIfPresent(JSONValue.self, forKey: .parameters) ?? .null
        self.parameters = parameters == .null ? .object([:]) : parameters
        continues = try container.decodeIfPresent(Bool.self, forKey: .continues) ?? false
        error = try container.decodeIfPresent(String.self, forKey: .error)
    }

    /// The reply `value` is, read as `init(from:)` reads it (null members count as missing), or nil if it is none.
    init?(_ value: JSONValue) {
        guard case .object(let members) = value else { return nil }
        let parameters = members["parameters"] ?? .null
        self.parameters = parameters == .null ? .object([:]) : parameters
        switch members["continues"] ?? .null {
        case .null: continues = false
        case .bool(let flag): continues = flag
        default: return nil
        }
        switch members["error"] ?? .null {
        case .null: error = nil
        case .string(let name): error = name
        default: return nil
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(parameters, forKey: .parameters)
        if continues { try container.encode(true, forKey: .continues) }
        try container.encodeIfPresent(error, forKey: .error)
    }

    /// Decodes one message (without its NUL); anything that is not a reply object is `.malformed`. Read with
    /// `JSONParser` and by hand, not through `Decodable`: this is on every simwatchctl command's path.
    public static func decode(_ message: [UInt8]) throws(VarlinkTransportError) -> VarlinkReply {
        guard let value = try? JSONParser.parse(message), let reply = VarlinkReply(value) else {
            throw .malformed("reply is not a Varlink reply object")
        }
        return reply
    }

    /// The reply as JSON followed by the NUL terminator: compact, keys sorted (`JSONTextWriter`'s text).
    public func framed() throws -> [UInt8] {
        var bytes: [UInt8] = []
        if continues { bytes += #"{"continues":true,"#.utf8 } else { bytes.append(UInt8(ascii: "{")) }
        if let error {
            bytes += #""error":"#.utf8
            JSONTextWriter.quote(error, into: &bytes)
            bytes.append(UInt8(ascii: ","))
        }
        bytes += #""parameters":"#.utf8
        JSONTextWriter.write(parameters, into: &bytes)
        bytes += [UInt8(ascii: "}"), VarlinkFrame.terminator]
        return bytes
    }
}
