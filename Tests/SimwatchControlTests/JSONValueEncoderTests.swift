import FoundationEssentials
import SimwatchControl
import Testing

/// `ControlCodec.encode` and the wire writer give what JSONEncoder gave: the same values, the same member names,
/// and for the interface's messages the same bytes.
@Suite struct JSONValueEncoderTests {
    /// `value` as `ControlCodec.encode` used to make it: JSONEncoder's text, read back.
    static func viaJSONEncoder<T: Encodable>(_ value: T) throws -> JSONValue {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return try JSONDecoder().decode(JSONValue.self, from: encoder.encode(value))
    }

    /// A reply as the wire carried it: JSONEncoder, keys sorted, slashes as they are, then the NUL.
    static func wireViaJSONEncoder(_ reply: VarlinkReply) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(reply)) + [0]
    }

    /// Every parameter and reply type of the interface.
    static let interfaceTypes: [any (Codable & Hashable & Sendable).Type] = [
        NoParameters.self, GetStatus.Reply.self, ListLines.Reply.self, LineParameters.self,
        OptionalLineParameters.self, GetLine.Reply.self, GetHistory.Parameters.self, GetHistory.Reply.self,
        Poll.Reply.self, Reload.Reply.self, AlertsReply.self, Snooze.Parameters.self, Unsnooze.Parameters.self,
        RecordReading.Parameters.self, RecordReading.Reply.self, Renew.Parameters.self, Renew.Reply.self,
        TestNotification.Parameters.self, TestNotification.Reply.self, Events.Reply.self, ListOutbox.Parameters.self,
        ListOutbox.Reply.self,
    ]

    static func check<T: Codable & Hashable>(_ type: T.Type, optionalsPresent: Bool) throws {
        let sample = try T(from: SampleDecoder(optionalsPresent: optionalsPresent))
        let expected = try viaJSONEncoder(sample)
        #expect(ControlCodec.encode(sample) == expected, "\(T.self)")
        for reply in [
            VarlinkReply(parameters: expected), VarlinkReply(parameters: expected, continues: true),
            VarlinkReply(parameters: expected, error: "io.simwatch.Control.NoSuchLine"),
        ] {
            #expect(try reply.framed() == wireViaJSONEncoder(reply), "\(T.self)")
        }
        #expect(try ControlCodec.decode(T.self, from: ControlCodec.encode(sample)) == sample)
    }

    @Test(arguments: [true, false])
    func interfaceTypesEncodeAsJSONEncoderDid(optionalsPresent: Bool) throws {
        for type in Self.interfaceTypes {
            try Self.check(type, optionalsPresent: optionalsPresent)
        }
    }

    /// Writes one member named `name`.
    struct Named: Encodable {
        struct Key: CodingKey {
            var stringValue: String
            var intValue: Int? { nil }
            init(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }

        var name: String

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Key.self)
            try container.encode(1, forKey: Key(stringValue: name))
        }
    }

    /// Every name of up to five characters of lowercase, uppercase, underscore and digit gets JSONEncoder's
    /// snake_case, word boundaries and runs of capitals included.
    @Test func memberNamesAsJSONEncoderWritesThem() throws {
        var names = [""]
        var frontier = [""]
        for _ in 1...5 {
            frontier = frontier.flatMap { prefix in ["a", "B", "_", "1"].map { prefix + $0 } }
            names += frontier
        }
        names += ["notificationURL", "myURLProperty", "lastPollAt", "iccid", "ABCdefGHi", "x2Y3z"]
        for name in names {
            #expect(ControlCodec.encode(Named(name: name)) == (try Self.viaJSONEncoder(Named(name: name))), "\(name)")
        }
    }

    /// Values JSONEncoder wrote in a particular way: whole and fractional doubles, extremes of every width.
    @Test func numbersAsJSONEncoderWritesThem() throws {
        struct Numbers: Codable, Equatable {
            var doubles: [Double]
            var float: Float
            var small: [Int8]
            var big: [UInt64]
            var wide: [Int64]
        }
        let numbers = Numbers(
            doubles: [
                0, -0.0, 3, 0.1, 2.5, 1e-7, 1e15, 1e20, -1e300, 9_007_199_254_740_992, .leastNonzeroMagnitude,
                .greatestFiniteMagnitude,
            ],
            float: 0.1,
            small: [.min, .max],
            big: [0, UInt64(Int64.max), UInt64(Int64.max) + 1, .max],
            wide: [.min, .max]
        )
        let expected = try Self.viaJSONEncoder(numbers)
        #expect(ControlCodec.encode(numbers) == expected)
        #expect(
            try VarlinkReply(parameters: expected).framed()
                == Self.wireViaJSONEncoder(VarlinkReply(parameters: expected))
        )
        #expect(ControlCodec.encode(["x": Double.nan]) == .object([:]), "JSONEncoder refuses NaN; so does this")
    }

    /// Raw JSON values (`JSONValue`, `[String: JSONValue]`) keep their member names, as JSONEncoder kept a
    /// dictionary's keys.
    @Test func rawValuesKeepTheirNames() throws {
        struct Carrier: Codable {
            var rawValue: JSONValue
            var rawMap: [String: JSONValue]
        }
        let carrier = Carrier(
            rawValue: .object(["keepMe": .array([.object(["camelCase": .null])])]),
            rawMap: ["snake_case": .int(1), "camelCase": .string("x")]
        )
        #expect(ControlCodec.encode(carrier) == (try Self.viaJSONEncoder(carrier)))
        #expect(ControlCodec.encode(carrier)["raw_value"] == carrier.rawValue)
    }

    /// Text the writer escapes beyond what JSONEncoder did (DEL, C1 and bidi controls, line separators) reads
    /// back as the same value.
    @Test func terminalEscapesReadBackTheSame() throws {
        let value = JSONValue.object(["t": .string("a\u{7F}b\u{85}c\u{202E}d\u{2028}e\u{1B}[31m/")])
        let text = value.description
        #expect(text == #"{"t":"a\u007fb\u0085c\u202ed\u2028e\u001b[31m/"}"#)
        #expect(try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8)) == value)
    }
}
