import FoundationEssentials
import SimwatchCore
import SimwatchProviders
import Testing

/// Provider answers with numbers that do not fit (an "unlimited" marker, 1e13 MB, "inf", an absurd date) are a
/// malformed read naming the field, never an overflow trap.
@Suite struct OneNCEAnswerLimitsTests {
    @Test(
        arguments: [
            (#"{"volume": 1e13}"#, "`volume` 10000000000000 × 1000000 bytes is more than 1 PB"),
            (#"{"volume": "inf"}"#, "`volume` inf × 1000000 bytes is not a finite number"),
            (#"{"volume": "nan"}"#, "`volume` nan × 1000000 bytes is not a finite number"),
            (#"{"volume": 10, "total_volume": 1e308}"#, "`total_volume` 1e+308 × 1000000 bytes is more than 1 PB"),
            (#"{"volume": 10, "expiry_date": "1900-01-01T00:00:00Z"}"#, "is outside 1970-01-01 to 9999-12-31"),
        ]
    )
    func oneNCE(body: String, message: String) throws {
        let root = try ProviderAnswers.node(body)
        #expect {
            try OneNCEQuota.reading(root, request: ProviderAnswers.request())
        } throws: { error in
            ProviderAnswers.isMalformed(error, message)
        }
    }

    @Test func oneNCEOverdrawnVolumeIsNoneLeft() throws {
        let reading = try OneNCEQuota.reading(
            try ProviderAnswers.node(#"{"volume": -5, "total_volume": 100}"#),
            request: ProviderAnswers.request()
        )
        #expect(reading.remaining == .zero)
        #expect(reading.used == ByteCount(bytes: 100_000_000))
        #expect(reading.status == .finished)
    }
}
