import FoundationEssentials
import SimwatchCore
import SimwatchProviders
import Testing

/// A script or JSON source answering an "unlimited" marker, a huge exponent or an absurd date gets a clear
/// malformed-read message naming the key, never an overflow trap.
@Suite struct ScriptReadingLimitsTests {
    static func message(_ json: String) -> String? {
        do {
            _ = try ScriptReading(parsing: Array(json.utf8), zone: .utc)
            return nil
        } catch {
            return error.message
        }
    }

    @Test(
        arguments: [
            (#"{"remaining": 9223372036854775807}"#, "`remaining` 9.223372036854776e+18 is more than 1 PB"),
            (#"{"remaining": -9223372036854775808}"#, "`remaining` -9.223372036854776e+18 is negative"),
            (#"{"remaining": 1e19}"#, "`remaining` 1e+19 is more than 1 PB"),
            (#"{"total": 1e308}"#, "`total` 1e+308 is more than 1 PB"),
            (#"{"used": -1e19}"#, "`used` -1e+19 is negative"),
            (#"{"remaining": "inf"}"#, "`remaining` inf is not a finite number"),
            (#"{"remaining": "nan"}"#, "`remaining` nan is not a finite number"),
            (#"{"remaining": "1e400"}"#, "`remaining` inf is not a finite number"),
            (#"{"remaining": "99999999999999999999"}"#, "`remaining` 1e+20 is more than 1 PB"),
            (#"{"remaining": "99999999999 Go"}"#, "`remaining`: data amount '99999999999 Go' is more than 1 PB"),
            (#"{"expires_at": "0000-01-01"}"#, "`expires_at`"),
            (#"{"expires_at": "1900-01-01T00:00:00Z"}"#, "is outside 1970-01-01 to 9999-12-31"),
            (#"{"expires_at": "9999-12-31T23:59:60Z"}"#, "out of range"),
            (#"{"credit": "99999999999999 EUR"}"#, "`credit`: amount '99999999999999 EUR' is more than 10^12"),
        ]
    )
    func refused(json: String, fragment: String) {
        let message = Self.message(json)
        #expect(message?.contains(fragment) == true, "\(message ?? "accepted")")
    }

    @Test func smallAndZeroValuesAreAccepted() throws {
        let reading = try ScriptReading(
            parsing: Array(
                #"{"remaining": "-0", "used": 1e-320, "total": 1000000000000000, "expires_at": "9999-12-31T23:59:59Z"}"#
                    .utf8
            ),
            zone: .utc
        )
        #expect(reading.remaining == .zero)
        #expect(reading.used == .zero)
        #expect(reading.total?.bytes == Plausible.maximumBytes)
        #expect(reading.expiresAt == Plausible.latestDate)
    }

    @Test func unitMultiplicationIsChecked() {
        // A JSON source in MB (unit = 10⁶ bytes) answering 1e13: 10¹⁹ bytes.
        #expect {
            try ScriptReading.amount(.number(1e13), key: "remaining", unitBytes: 1e6)
        } throws: { error in
            (error as? JSONNodeError)?.message
                == "`remaining` 10000000000000 × 1000000 bytes is more than 1 PB, the largest plausible amount"
        }
    }
}
