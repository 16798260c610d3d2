/// A decoder that makes up a value of any `Decodable` type: every string, number and flag different (numbers
/// past 32 bits, strings with a slash, a quote, a control character and non-ASCII letters), arrays of two, and
/// optionals all present or all absent. Differential tests use it to get a sample of every interface type
/// without writing each one out.
final class SampleDecoder: Decoder {
    let codingPath: [any CodingKey]
    let optionalsPresent: Bool
    private let counter: Counter

    final class Counter {
        var next = 0
        func take() -> Int {
            next += 1
            return next
        }
    }

    init(optionalsPresent: Bool, codingPath: [any CodingKey] = [], counter: Counter = Counter()) {
        self.optionalsPresent = optionalsPresent
        self.codingPath = codingPath
        self.counter = counter
    }

    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func child(_ key: any CodingKey) -> SampleDecoder {
        SampleDecoder(optionalsPresent: optionalsPresent, codingPath: codingPath + [key], counter: counter)
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(Keyed<Key>(decoder: self))
    }

    func unkeyedContainer() -> any UnkeyedDecodingContainer { Unkeyed(decoder: self) }
    func singleValueContainer() -> any SingleValueDecodingContainer { Single(decoder: self) }

    func string() -> String { "v\(counter.take()) /\"\u{7}é" }
    func integer<T: FixedWidthInteger>(_ type: T.Type) -> T {
        let n = counter.take()
        return T.bitWidth > 32 ? T(truncatingIfNeeded: 5_000_000_000 * n) : T(truncatingIfNeeded: n)
    }

    struct Single: SingleValueDecodingContainer {
        let decoder: SampleDecoder
        var codingPath: [any CodingKey] { decoder.codingPath }
        func decodeNil() -> Bool { !decoder.optionalsPresent }
        func decode(_ type: Bool.Type) -> Bool { decoder.counter.take() % 2 == 0 }
        func decode(_ type: String.Type) -> String { decoder.string() }
        func decode(_ type: Double.Type) -> Double { Double(decoder.counter.take()) + 0.25 }
        func decode(_ type: Float.Type) -> Float { Float(decoder.counter.take()) + 0.5 }
        func decode(_ type: Int.Type) -> Int { decoder.integer(type) }
        func decode(_ type: Int8.Type) -> Int8 { decoder.integer(type) }
        func decode(_ type: Int16.Type) -> Int16 { decoder.integer(type) }
        func decode(_ type: Int32.Type) -> Int32 { decoder.integer(type) }
        func decode(_ type: Int64.Type) -> Int64 { decoder.integer(type) }
        func decode(_ type: UInt.Type) -> UInt { decoder.integer(type) }
        func decode(_ type: UInt8.Type) -> UInt8 { decoder.integer(type) }
        func decode(_ type: UInt16.Type) -> UInt16 { decoder.integer(type) }
        func decode(_ type: UInt32.Type) -> UInt32 { decoder.integer(type) }
        func decode(_ type: UInt64.Type) -> UInt64 { decoder.integer(type) }
        func decode<T: Decodable>(_ type: T.Type) throws -> T { try T(from: decoder) }
    }

    struct Keyed<Key: CodingKey>: KeyedDecodingContainerProtocol {
        let decoder: SampleDecoder
        var codingPath: [any CodingKey] { decoder.codingPath }
        var allKeys: [Key] { [] }
        func contains(_ key: Key) -> Bool { decoder.optionalsPresent }
        func decodeNil(forKey key: Key) -> Bool { !decoder.optionalsPresent }
        func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
            try Single(decoder: decoder.child(key)).decode(type)
        }
        func decode(_ type: Bool.Type, forKey key: Key) -> Bool { Single(decoder: decoder).decode(type) }
        func decode(_ type: String.Type, forKey key: Key) -> String { Single(decoder: decoder).decode(type) }
        func decode(_ type: Double.Type, forKey key: Key) -> Double { Single(decoder: decoder).decode(type) }
        func decode(_ type: Float.Type, forKey key: Key) -> Float { Single(decoder: decoder).decode(type) }
        func decode(_ type: Int.Type, forKey key: Key) -> Int { Single(decoder: decoder).decode(type) }
        func decode(_ type: Int8.Type, forKey key: Key) -> Int8 { Single(decoder: decoder).decode(type) }
        func decode(_ type: Int16.Type, forKey key: Key) -> Int16 { Single(decoder: decoder).decode(type) }
        func decode(_ type: Int32.Type, forKey key: Key) -> Int32 { Single(decoder: decoder).decode(type) }
        func decode(_ type: Int64.Type, forKey key: Key) -> Int64 { Single(decoder: decoder).decode(type) }
        func decode(_ type: UInt.Type, forKey key: Key) -> UInt { Single(decoder: decoder).decode(type) }
        func decode(_ type: UInt8.Type, forKey key: Key) -> UInt8 { Single(decoder: decoder).decode(type) }
        func decode(_ type: UInt16.Type, forKey key: Key) -> UInt16 { Single(decoder: decoder).decode(type) }
        func decode(_ type: UInt32.Type, forKey key: Key) -> UInt32 { Single(decoder: decoder).decode(type) }
        func decode(_ type: UInt64.Type, forKey key: Key) -> UInt64 { Single(decoder: decoder).decode(type) }
        func nestedContainer<NestedKey: CodingKey>(
            keyedBy type: NestedKey.Type,
            forKey key: Key
        )
            -> KeyedDecodingContainer<NestedKey>
        { decoder.child(key).container(keyedBy: type) }
        func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedDecodingContainer {
            decoder.child(key).unkeyedContainer()
        }
        func superDecoder() -> any Decoder { decoder }
        func superDecoder(forKey key: Key) -> any Decoder { decoder.child(key) }
    }

    struct Unkeyed: UnkeyedDecodingContainer {
        let decoder: SampleDecoder
        var codingPath: [any CodingKey] { decoder.codingPath }
        var count: Int? { 2 }
        var currentIndex = 0
        var isAtEnd: Bool { currentIndex >= 2 }
        mutating func decodeNil() -> Bool { false }
        mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
            currentIndex += 1
            return try Single(decoder: decoder).decode(type)
        }
        mutating func nestedContainer<NestedKey: CodingKey>(
            keyedBy type: NestedKey.Type
        ) -> KeyedDecodingContainer<
            NestedKey
        > {
            currentIndex += 1
            return decoder.container(keyedBy: type)
        }
        mutating func nestedUnkeyedContainer() -> any UnkeyedDecodingContainer {
            currentIndex += 1
            return decoder.unkeyedContainer()
        }
        mutating func superDecoder() -> any Decoder { decoder }
    }
}
