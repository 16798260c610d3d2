/// Decodes `Decodable` types straight from a `JSONValue`, reading member names as JSONDecoder's
/// `.convertFromSnakeCase` does ("last_poll" is `lastPoll`).
///
/// `ControlCodec.decode` used to print the value as JSON text and read it back with FoundationEssentials'
/// JSONDecoder; that round trip, and the decoder's dynamic casts on first use, took a large part of
/// `simwatchctl status`'s time. The errors are the ones JSONDecoder throws, with the same coding paths, so that
/// `ControlCodec` names the same field in its InvalidParameter replies: `keyNotFound` for a missing member,
/// `valueNotFound` for null, `typeMismatch` for the wrong kind of value, and `dataCorrupted` for a number that
/// does not fit the integer type. One difference: JSONDecoder leaves the keys of a `[String: T]` as they are;
/// here only `JSONValue` and `[String: JSONValue]` keep theirs (the interface has no other dictionaries).
struct JSONValueDecoder: Decoder, SingleValueDecodingContainer {
    let value: JSONValue
    let codingPath: [any CodingKey]

    init(_ value: JSONValue, codingPath: [any CodingKey] = []) {
        self.value = value
        self.codingPath = codingPath
    }

    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .object(let fields) = value else { throw mismatch([String: JSONValue].self) }
        return KeyedDecodingContainer(JSONValueKeyedContainer<Key>(fields: fields, codingPath: codingPath))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .array(let items) = value else { throw mismatch([JSONValue].self) }
        return JSONValueUnkeyedContainer(items: items, codingPath: codingPath)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { self }

    // MARK: SingleValueDecodingContainer

    func decodeNil() -> Bool { value == .null }

    func decode(_ type: Bool.Type) throws -> Bool {
        guard case .bool(let bool) = value else { throw mismatch(type) }
        return bool
    }

    func decode(_ type: String.Type) throws -> String {
        guard case .string(let string) = value else { throw mismatch(type) }
        return string
    }

    func decode(_ type: Double.Type) throws -> Double {
        switch value {
        case .int(let int): return Double(int)
        case .double(let double): return double
        default: throw mismatch(type)
        }
    }

    func decode(_ type: Float.Type) throws -> Float {
        let double = try decode(Double.self)
        guard double.magnitude <= Double(Float.greatestFiniteMagnitude) else { throw doesNotFit(type) }
        return Float(double)
    }

    func decode(_ type: Int.Type) throws -> Int { try integer(type) }
    func decode(_ type: Int8.Type) throws -> Int8 { try integer(type) }
    func decode(_ type: Int16.Type) throws -> Int16 { try integer(type) }
    func decode(_ type: Int32.Type) throws -> Int32 { try integer(type) }
    func decode(_ type: Int64.Type) throws -> Int64 { try integer(type) }
    func decode(_ type: UInt.Type) throws -> UInt { try integer(type) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try integer(type) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try integer(type) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try integer(type) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try integer(type) }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        // JSONValue and its objects are taken as they are, keys and all (a metatype comparison, not a cast that
        // searches the conformance tables).
        if T.self == JSONValue.self { return value as! T }
        if T.self == [String: JSONValue].self {
            guard case .object(let fields) = value else { throw mismatch(type) }
            return fields as! T
        }
        return try T(from: self)
    }

    // MARK: Errors and numbers

    private func integer<T: FixedWidthInteger>(_ type: T.Type) throws -> T {
        switch value {
        case .int(let int):
            guard let fitting = T(exactly: int) else { throw doesNotFit(type) }
            return fitting
        case .double(let double):
            guard let fitting = T(exactly: double) else { throw doesNotFit(type) }
            return fitting
        default:
            throw mismatch(type)
        }
    }

    /// JSONDecoder's error for a value of the wrong kind: null is `valueNotFound`, anything else `typeMismatch`.
    func mismatch(_ type: Any.Type) -> DecodingError {
        if value == .null {
            return .valueNotFound(
                type,
                .init(codingPath: codingPath, debugDescription: "Expected \(type) but found null.")
            )
        }
        return .typeMismatch(type, .init(codingPath: codingPath, debugDescription: "Expected \(type), found \(value)."))
    }

    private func doesNotFit(_ type: Any.Type) -> DecodingError {
        .dataCorrupted(.init(codingPath: codingPath, debugDescription: "Number \(value) does not fit in \(type)."))
    }

    /// A member name as `.convertFromSnakeCase` reads it: "last_poll" is "lastPoll", "_a_b_" is "_aB_", and a
    /// name without inner underscores is left as it is.
    static func camelCase(_ name: String) -> String {
        guard let first = name.firstIndex(where: { $0 != "_" }) else { return name }
        guard let last = name.lastIndex(where: { $0 != "_" }) else { return name }
        let words = name[first...last].split(separator: "_")
        guard words.count > 1 else { return name }
        let joined =
            words[0].lowercased()
            + words.dropFirst().map { $0.prefix(1).uppercased() + $0.dropFirst().lowercased() }.joined()
        return String(name[..<first]) + joined + String(name[name.index(after: last)...])
    }
}
