import FoundationEssentials
import SimwatchCore
import Testing

/// The checked conversions provider adapters use for API numbers.
@Suite struct JSONNodeFiguresTests {
    static func node(_ json: String) throws -> JSONNode {
        try JSONNode(parsing: Array(json.utf8))
    }

    @Test(
        arguments: [
            ("1e19", false, "`expires` 1e+19 is outside 1970-01-01 to 9999-12-31"),
            ("-1", false, "`expires` -1 is outside"), ("\"inf\"", false, "`expires` inf is not a finite time"),
            ("\"nan\"", true, "not a finite time"), ("9223372036854775807", true, "is outside"),
            ("253402300800", false, "is outside"), ("\"soon\"", false, "`expires` is not a number of seconds"),
            ("\"x\"", true, "is not a number of milliseconds"),
        ]
    )
    func unixDatesOutOfRange(json: String, milliseconds: Bool, message: String) throws {
        let node = try Self.node(json)
        #expect {
            try node.unixDate(key: "expires", milliseconds: milliseconds)
        } throws: { error in
            (error as? JSONNodeError)?.message.contains(message) == true
        }
    }

    @Test func unixDatesInRange() throws {
        #expect(
            try Self.node("1795132800").unixDate(key: "e", milliseconds: false).timeIntervalSince1970 == 1_795_132_800
        )
        #expect(
            try Self.node("1795132800500").unixDate(key: "e", milliseconds: true).timeIntervalSince1970
                == 1_795_132_800.5
        )
        #expect(try Self.node("253402300799").unixDate(key: "e", milliseconds: false) == Plausible.latestDate)
    }

    @Test func moneyFromNumbers() throws {
        #expect(
            try Self.node("4.52").money(key: "credit", currency: "EUR")
                == Money(amount: Decimal(452) / 100, currency: "EUR")
        )
        for json in ["1e19", "-1e13", "\"inf\"", "9223372036854775807"] {
            #expect(throws: JSONNodeError.self) { try Self.node(json).money(key: "credit", currency: "EUR") }
        }
    }

    @Test(
        arguments: [
            ("2", "2"), ("2.0", "2"), ("-0", "0"), ("1e19", "1e+19"), ("9223372036854775807", "9.223372036854776e+18"),
            ("\"ACTIVE\"", "ACTIVE"), ("true", "true"),
        ]
    )
    func statusTextNeverTraps(json: String, text: String) throws {
        #expect(try Self.node(json).statusText == text)
    }

    @Test(
        arguments: [
            ("3600", 3240), ("1e308", 86_400), ("\"inf\"", 60), ("\"nan\"", 60), ("-1", 60), ("0", 60), ("30", 60),
            ("\"x\"", 60), ("9223372036854775807", 86_400),
        ] as [(String, Int64)]
    )
    func tokenLifetimes(json: String, seconds: Int64) throws {
        #expect(JSONNode.tokenLifetime(try Self.node(json)) == TimeSpan(seconds: seconds))
    }

    @Test func absentTokenLifetimeIsAnHour() {
        #expect(JSONNode.tokenLifetime(nil) == TimeSpan(seconds: 3240))
        #expect(JSONNode.tokenLifetime(.number(10), minimum: TimeSpan(seconds: 30)) == TimeSpan(seconds: 30))
    }

    @Test func bytesNeedANumber() throws {
        #expect(try Self.node("767").bytes(key: "r", unit: 1_048_576) == ByteCount(bytes: 767 * 1_048_576))
        #expect {
            try Self.node("\"lots\"").bytes(key: "data.remaining")
        } throws: { error in
            (error as? JSONNodeError)?.message == "`data.remaining` is not a number"
        }
    }
}
