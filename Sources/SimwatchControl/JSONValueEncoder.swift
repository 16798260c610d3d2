/// Encodes `Encodable` values straight to a `JSONValue`, writing member names as JSONEncoder's
/// `.convertToSnakeCase` does ("lastPoll" is "last_poll", "notificationURL" is "notification_url").
///
/// `ControlCodec.encode` used to write every reply as JSON text with FoundationEssentials' JSONEncoder and read it
/// back with JSONDecoder; that round trip was most of the daemon's time for a `simwatchctl status`. The values
/// are the ones the round trip gave: integers of any width are `.int` (a `UInt64` beyond `Int64` a `.double`, as
/// JSONDecoder read its digits back), a whole `Double` that fits `Int64` is `.int`, a non-finite one throws as
/// JSONEncoder's default strategy does, and `JSONValue` and `[String: JSONValue]` keep their member names (JSONEncoder
/// leaves a dictionary's keys as they are). Other dictionaries would have their keys converted: the interface has
/// none, and `ControlCodecTests` compares every reply type with JSONEncoder's output.
struct JSONValueEncoder {
    /// `value` as JSON; throws `EncodingError.invalidValue` for a number JSON cannot hold.
    static func encode<T: Encodable>(_ value: T) throws -> JSONValue {
        let root = JSONEncodingNode()
        try JSONValueEncoding(node: root, codingPath: []).encodeAny(value)
        return root.value
    }

    /// A member name as `.convertToSnakeCase` writes it: words split where a lowercase letter is followed by an
    /// uppercase one, and before the last capital of a run of capitals followed by a lowercase letter; joined with
    /// "_" and lowercased. The first character never starts a word. Exactly JSONEncoder's result for ASCII names
    /// (Swift property names here); beyond ASCII, `Character`'s case properties stand in for Foundation's
    /// character sets.
    static func snakeCase(_ name: String) -> String {
        let bytes = Array(name.utf8)
        // Every member of every reply passes through here: names of ASCII (all Swift property names here) are
        // converted byte by byte, without `Character`'s Unicode properties.
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return unicodeSnakeCase(name) }
        guard bytes.contains(where: isUppercase) else { return name }
        let words = wordRanges(
            count: bytes.count,
            isUppercase: { isUppercase(bytes[$0]) },
            isLowercase: { isLowercase(bytes[$0]) }
        )
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + words.count)
        for (index, word) in words.enumerated() {
            if index > 0 { result.append(UInt8(ascii: "_")) }
            for byte in bytes[word] { result.append(isUppercase(byte) ? byte | 0x20 : byte) }
        }
        return String(decoding: result, as: UTF8.self)
    }

    private static func isUppercase(_ byte: UInt8) -> Bool { (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) }
    private static func isLowercase(_ byte: UInt8) -> Bool { (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) }

    /// `snakeCase` for a name beyond ASCII, on `Character`s.
    private static func unicodeSnakeCase(_ name: String) -> String {
        let characters = Array(name)
        let words = wordRanges(
            count: characters.count,
            isUppercase: { characters[$0].isUppercase },
            isLowercase: { characters[$0].isLowercase }
        )
        return words.map { String(characters[$0]).lowercased() }.joined(separator: "_")
    }

    /// The words of a name of `count` characters, as JSONEncoder splits them.
    private static func wordRanges(
        count: Int,
        isUppercase: (Int) -> Bool,
        isLowercase: (Int) -> Bool
    ) -> [Range<Int>] {
        guard count > 1 else { return [0..<count] }
        var words: [Range<Int>] = []
        var wordStart = 0
        var searchStart = 1
        while let upper = (searchStart..<count).first(where: isUppercase) {
            words.append(wordStart..<upper)
            guard let lower = (upper..<count).first(where: isLowercase) else {
                wordStart = upper
                break
            }
            if lower == upper + 1 {
                wordStart = upper
            } else {
                words.append(upper..<(lower - 1))
                wordStart = lower - 1
            }
            searchStart = lower + 1
        }
        words.append(wordStart..<count)
        return words
    }
}
