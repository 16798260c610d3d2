import FoundationEssentials
import SimwatchControl
import Testing

/// `ControlCodec.decode` reads values as JSONDecoder with `.convertFromSnakeCase` did, and fails where it failed,
/// naming the same field.
@Suite struct JSONValueDecoderTests {
    struct Sample: Codable, Hashable {
        var lineId: String
        var count: Int
        var small: UInt8?
        var ratio: Double
        var flag: Bool
        var tags: [String]
        var nested: Nested?
        var raw: JSONValue?
        var map: [String: JSONValue]?

        struct Nested: Codable, Hashable {
            var nextReminderAt: String?
            var items: [Int64]
        }
    }

    /// What JSONDecoder made of `value`'s JSON text: the value, or the InvalidParameter naming the field.
    static func viaJSONDecoder(_ value: JSONValue) -> Result<Sample, ControlError> {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        do {
            return .success(try decoder.decode(Sample.self, from: Data(value.description.utf8)))
        } catch let DecodingError.keyNotFound(key, _) {
            return .failure(.invalidParameter(snake(key.stringValue)))
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
            return .failure(.invalidParameter(context.codingPath.map { snake($0.stringValue) }.joined(separator: ".")))
        } catch {
            return .failure(.invalidParameter("parameters"))
        }
    }

    static func direct(_ value: JSONValue) -> Result<Sample, ControlError> {
        Result { () throws(ControlError) in try ControlCodec.decode(Sample.self, from: value) }
    }

    static func snake(_ name: String) -> String {
        name.reduce(into: "") { out, c in out += c.isUppercase ? "_" + c.lowercased() : String(c) }
    }

    static let good: JSONValue = .object([
        "line_id": .string("fr"), "count": .int(3), "small": .int(255), "ratio": .int(2), "flag": .bool(true),
        "tags": .array([.string("a")]),
        "nested": .object(["next_reminder_at": .null, "items": .array([.int(1), .double(2.0)])]),
        "raw": .object(["keep_me": .array([.null])]), "map": .object(["snake_key": .int(1)]),
    ])

    static func changed(_ key: String, _ value: JSONValue?) -> JSONValue {
        guard case .object(var fields) = good else { return good }
        fields[key] = value
        return .object(fields)
    }

    static let cases: [JSONValue] = [
        good,
        changed("nested", .null), changed("raw", .null), changed("small", nil),
        changed("ratio", .double(0.25)), changed("count", .double(3.0)), changed("lineId", .string("camel")),
        changed("line_id", nil), changed("line_id", .null), changed("line_id", .int(1)),
        changed("count", .string("3")), changed("count", .double(3.5)), changed("count", .bool(true)),
        changed("small", .int(256)), changed("small", .int(-1)), changed("flag", .int(1)),
        changed("tags", .string("a")), changed("tags", .array([.int(1)])), changed("tags", .array([.null])),
        changed("nested", .object(["items": .array([.string("x")])])), changed("nested", .object([:])),
        changed("nested", .array([])), changed("map", .array([])), .array([]), .null, .string("x"),
    ]

    @Test(arguments: cases)
    func agreesWithJSONDecoder(_ value: JSONValue) {
        #expect(Self.direct(value) == Self.viaJSONDecoder(value))
    }

    @Test func keepsTheKeysOfRawValues() throws {
        let sample = try ControlCodec.decode(Sample.self, from: Self.good)
        #expect(sample.raw == .object(["keep_me": .array([.null])]))
        #expect(sample.map == ["snake_key": .int(1)])
        #expect(sample.nested?.items == [1, 2])
    }

    @Test func wholeRepliesRoundTrip() throws {
        let reply = GetStatus.Reply(
            now: "2026-11-27T08:00:05+01:00",
            version: "0.1.0",
            startedAt: "2026-11-27T08:00:00+01:00",
            uptimeSeconds: 42,
            configPath: "/c.toml",
            stateDir: "/s",
            timeZone: "Europe/Paris",
            lines: 1,
            firing: [],
            lastPoll: nil,
            pendingReminders: 0,
            deadReminders: 2
        )
        #expect(try ControlCodec.decode(GetStatus.Reply.self, from: ControlCodec.encode(reply)) == reply)
    }

    /// The member names an object has, as a decoder hands them over (converted from snake_case).
    struct MemberNames: Decodable, Equatable {
        struct Name: CodingKey {
            var stringValue: String
            var intValue: Int? { nil }
            init(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }

        var names: [String]

        init(from decoder: any Decoder) throws {
            names = try decoder.container(keyedBy: Name.self).allKeys.map(\.stringValue)
        }
    }

    /// Every name of up to four characters from underscores, ASCII letters of both cases, a digit and letters
    /// whose case mapping is not one to one ("ß" uppercases to "SS"): the byte-by-byte ASCII path and the general
    /// one both convert them as JSONDecoder does.
    @Test func namesConvertAsJSONDecoderConvertsThem() throws {
        let alphabet = ["_", "a", "B", "1", "é", "ß"]
        var names = [""]
        var frontier = [""]
        for _ in 1...4 {
            frontier = frontier.flatMap { prefix in alphabet.map { prefix + $0 } }
            names += frontier
        }
        names += ["__last__poll_at__", "LAST_POLL", "next_reminder_at", "a__b", "x_1st_try", "_é_à_"]
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        for name in names {
            let object = JSONValue.object([name: .null])
            let expected = try decoder.decode(MemberNames.self, from: Data(object.description.utf8))
            let direct = try ControlCodec.decode(MemberNames.self, from: object)
            #expect(direct == expected, "\(name)")
        }
    }
}
