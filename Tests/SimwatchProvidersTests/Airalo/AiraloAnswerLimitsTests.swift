import FoundationEssentials
import SimwatchCore
import SimwatchProviders
import Testing

/// Provider answers with numbers that do not fit (an "unlimited" marker, 1e13 MB, "inf", an absurd date) are a
/// malformed read naming the field, never an overflow trap.
@Suite struct AiraloAnswerLimitsTests {
    @Test(
        arguments: [
            (#""remaining": 1e13, "total": 2048"#, "`data.remaining` 10000000000000 × 1048576 bytes is more than 1 PB"),
            (#""remaining": 9223372036854775807, "total": 2048"#, "`data.remaining` 9.223372036854776e+18 × 1048576"),
            (#""remaining": 1, "total": "inf""#, "`data.total` inf × 1048576 bytes is not a finite number"),
            (#""remaining": 1, "total": "nan""#, "`data.total` nan × 1048576 bytes is not a finite number"),
            (#""remaining": -1, "total": 2048"#, "`data.remaining` -1 × 1048576 bytes is negative"),
            (#""remaining": 1e308, "total": 1e308"#, "more than 1 PB"),
            (#""remaining": "lots", "total": 2"#, "`data.remaining` is not a number"),
            (
                #""remaining": 1, "total": 2, "expired_at": "0000-01-01 00:00:00""#,
                "is outside 1970-01-01 to 9999-12-31"
            ),
        ]
    )
    func airalo(data: String, message: String) throws {
        let root = try ProviderAnswers.node(#"{"data": {"# + data + #", "status": "ACTIVE", "is_unlimited": false}}"#)
        #expect {
            try AiraloUsage.reading(root, request: ProviderAnswers.request(), zone: .utc)
        } throws: { error in
            ProviderAnswers.isMalformed(error, message)
        }
    }

    @Test func airaloInRange() throws {
        let root = try ProviderAnswers.node(#"{"data": {"remaining": 767, "total": 2048, "status": "ACTIVE"}}"#)
        let reading = try AiraloUsage.reading(root, request: ProviderAnswers.request(), zone: .utc)
        #expect(reading.remaining == ByteCount(bytes: 767 * 1_048_576))
        #expect(reading.used == ByteCount(bytes: (2048 - 767) * 1_048_576))
    }
}
