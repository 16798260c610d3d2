/// The `Encoder` and single-value container of `JSONValueEncoder`, writing into one node.
struct JSONValueEncoding: Encoder, SingleValueEncodingContainer {
    let node: JSONEncodingNode
    let codingPath: [any CodingKey]

    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        node.becomeObject()
        return KeyedEncodingContainer(JSONValueKeyedEncodingContainer<Key>(node: node, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        node.becomeArray()
        return JSONValueUnkeyedEncodingContainer(node: node, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { self }

    /// Encodes any value, taking `JSONValue` and its objects as they are (a metatype comparison, not a cast that
    /// searches the conformance tables).
    func encodeAny<T: Encodable>(_ value: T) throws {
        if T.self == JSONValue.self {
            node.set(value as! JSONValue)
        } else if T.self == [String: JSONValue].self {
            node.set(.object(value as! [String: JSONValue]))
        } else {
            try value.encode(to: self)
        }
    }

    // MARK: SingleValueEncodingContainer

    func encodeNil() { node.set(.null) }
    func encode(_ value: Bool) { node.set(.bool(value)) }
    func encode(_ value: String) { node.set(.string(value)) }
    func encode(_ value: Double) throws { node.set(try number(value)) }
    // JSONEncoder wrote a Float's own shortest text ("0.1"), which reads back as the Double nearest to it.
    func encode(_ value: Float) throws { node.set(try number(Double(String(value)) ?? .nan, original: value)) }
    func encode(_ value: Int) { node.set(.int(Int64(value))) }
    func encode(_ value: Int8) { node.set(.int(Int64(value))) }
    func encode(_ value: Int16) { node.set(.int(Int64(value))) }
    func encode(_ value: Int32) { node.set(.int(Int64(value))) }
    func encode(_ value: Int64) { node.set(.int(value)) }
    func encode(_ value: UInt) { node.set(unsigned(UInt64(value))) }
    func encode(_ value: UInt8) { node.set(.int(Int64(value))) }
    func encode(_ value: UInt16) { node.set(.int(Int64(value))) }
    func encode(_ value: UInt32) { node.set(.int(Int64(value))) }
    func encode(_ value: UInt64) { node.set(unsigned(value)) }
    func encode<T: Encodable>(_ value: T) throws { try encodeAny(value) }

    private func unsigned(_ value: UInt64) -> JSONValue {
        Int64(exactly: value).map(JSONValue.int) ?? .double(Double(value))
    }

    private func number(_ value: Double, original: Any? = nil) throws -> JSONValue {
        guard value.isFinite else {
            throw EncodingError.invalidValue(
                original ?? value,
                .init(codingPath: codingPath, debugDescription: "Unable to encode \(value) directly in JSON.")
            )
        }
        return Int64(exactly: value).map(JSONValue.int) ?? .double(value)
    }
}
