import FoundationEssentials
import SimwatchCore
import Testing

@testable import SimwatchProviders

/// Provider answers with numbers that do not fit (an "unlimited" marker, 1e13 MB, "inf", an absurd date) are a
/// malformed read naming the field, never an overflow trap.
@Suite struct ProviderNumberTests {
    static let t0 = Date(timeIntervalSince1970: 1_795_132_800)

    static func request() -> ReadRequest {
        let settings = AiraloProviderSettings(
            iccid: "8944465400000000000",
            clientID: "id",
            secret: .file("/nonexistent")
        )
        let line = Line(
            id: "l1",
            name: "l1",
            provider: settings,
            plan: PlanSettings(),
            rules: [],
            pollInterval: .hours(1)
        )
        return ReadRequest(line: line, period: nil, now: t0, attempt: 0)
    }

    static func isMalformed(_ error: any Error, _ message: String) -> Bool {
        guard let error = error as? ProviderError else { return false }
        return error.code == .malformed && error.message.contains(message)
    }

    /// The decoding itself is tested on its own (AiraloAnswerLimitsTests, OneNCEAnswerLimitsTests,
    /// JSONAnswerLimitsTests); these check that the adapters use it.
    @Test func adaptersUseTheCheckedDecoding() throws {
        let airalo = try JSONNode(
            parsing: Array(#"{"data": {"remaining": 1e13, "total": 2048, "status": "ACTIVE"}}"#.utf8)
        )
        #expect {
            try AiraloProvider.reading(airalo, request: Self.request(), zone: .utc)
        } throws: { error in
            Self.isMalformed(error, "`data.remaining` 10000000000000 × 1048576 bytes is more than 1 PB")
        }
        let oneNCE = try JSONNode(parsing: Array(#"{"volume": "inf"}"#.utf8))
        #expect {
            try OneNCEProvider.reading(oneNCE, request: Self.request())
        } throws: { error in
            Self.isMalformed(error, "`volume` inf × 1000000 bytes is not a finite number")
        }
    }

    @Test func retryAfterFromProvidersIsClamped() {
        #expect(HTTPClientContext.retryAfter("99999999999") == .days(1))
        #expect(HTTPClientContext.retryAfter("99999999999999999999999") == .days(1))
        #expect(HTTPClientContext.retryAfter("-5") == nil)
        #expect(HTTPClientContext.retryAfter("120") == .minutes(2))
    }

    @Test func manualEstimateOverCenturiesDoesNotTrap() {
        let entry = Reading(
            lineID: "l1",
            observedAt: Date(timeIntervalSince1970: 0),
            remaining: ByteCount(bytes: Plausible.maximumBytes),
            source: "manual"
        )
        let estimate = ManualEstimate.estimate(
            from: entry,
            pace: ByteCount(bytes: Plausible.maximumBytes),
            period: nil,
            lineID: "l1",
            now: Plausible.latestDate
        )
        #expect(estimate?.remaining == .zero)
    }
}
