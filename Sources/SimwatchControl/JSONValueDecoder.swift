import FoundationEssentials

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
    /// name without inner underscores is left as it is. The first word is lowercased; the others are capitalized
    /// as Foundation capitalizes (a letter after a letter lowercased, a letter after anything else uppercased:
    /// "x_1st" is "x1St").
    ///
    /// Every member of every object of a reply passes through here, so names of ASCII letters and digits (all the
    /// interface has) are converted byte by byte: the general path's splitting, joining and Unicode case mapping
    /// were a tenth of `simwatchctl status`'s time.
    static func camelCase(_ name: String) -> String {
        var plain = true
        var underscore = false
        for byte in name.utf8 {
            if byte == UInt8(ascii: "_") {
                underscore = true
            } else if !isASCIILetter(byte) && !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) {
                plain = false
            }
        }
        guard underscore else { return name }
        return plain ? asciiCamelCase(name) : unicodeCamelCase(name)
    }

    /// `camelCase` for a name of ASCII letters, digits and underscores.
    private static func asciiCamelCase(_ name: String) -> String {
        let bytes = Array(name.utf8)
        let underscore = UInt8(ascii: "_")
        guard let first = bytes.firstIndex(where: { $0 != underscore }),
            let last = bytes.lastIndex(where: { $0 != underscore })
        else { return name }
        var words = 0
        var result = Array(bytes[..<first])
        result.reserveCapacity(bytes.count)
        var index = first
        while index <= last {
            guard bytes[index] != underscore else {
                index += 1
                continue
            }
            words += 1
            var afterLetter = false
            while index <= last, bytes[index] != underscore {
                let byte = bytes[index]
                if words == 1 {
                    result.append(lowercased(byte))
                } else {
                    result.append(afterLetter ? lowercased(byte) : uppercased(byte))
                }
                afterLetter = isASCIILetter(byte)
                index += 1
            }
        }
        guard words > 1 else { return name }
        result += bytes[(last + 1)...]
        return String(decoding: result, as: UTF8.self)
    }

    private static func isASCIILetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
    }

    private static func lowercased(_ byte: UInt8) -> UInt8 {
        isASCIILetter(byte) ? byte | 0x20 : byte
    }

    private static func uppercased(_ byte: UInt8) -> UInt8 {
        isASCIILetter(byte) ? byte & ~0x20 : byte
    }

    /// `camelCase` for any name, with Foundation's Unicode case mapping.
    private static func unicodeCamelCase(_ name: String) -> String {
        guard let first = name.firstIndex(where: { $0 != "_" }) else { return name }
        guard let last = name.lastIndex(where: { $0 != "_" }) else { return name }
        let words = name[first...last].split(separator: "_")
        guard words.count > 1 else { return name }
        let joined = words[0].lowercased() + words.dropFirst().map(\.capitalized).joined()
        return String(name[..<first]) + joined + String(name[name.index(after: last)...])
    }
}
