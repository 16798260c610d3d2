import FoundationEssentials
import SimwatchCore
import Testing

@testable import SimwatchDaemon

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
            provider: .airalo(settings),
            plan: PlanSettings(),
            rules: [],
            pollInterval: .hours(1)
        )
        return ReadRequest(line: line, period: nil, now: t0, attempt: 0)
    }

    static func malformed(_ message: String) -> (any Error) -> Bool {
        { error in
            guard let error = error as? ProviderError else { return false }
            return error.code == .malformed && error.message.contains(message)
        }
    }

    @Test(
        arguments: [
            (
                #"{"remaining": 1e13, "total": 2048}"#,
                "`data.remaining` 10000000000000 × 1048576 bytes is more than 1 PB"
            ),
            (#"{"remaining": 9223372036854775807, "total": 2048}"#, "`data.remaining`"),
            (#"{"remaining": 1, "total": "inf"}"#, "`data.total` inf × 1048576 bytes is not a finite number"),
            (#"{"remaining": -1, "total": 2048}"#, "`data.remaining` -1 × 1048576 bytes is negative"),
            (#"{"remaining": 1, "total": 2, "expired_at": "0000-01-01 00:00:00"}"#, "expired_at"),
        ]
    )
    func airaloAbsurdNumbers(data: String, message: String) throws {
        let body = #"{"data": "# + String(data.dropLast()) + #", "status": "ACTIVE", "is_unlimited": false}}"#
        let root = try JSONNode(parsing: Array(body.utf8))
        #expect(
            performing: { try AiraloProvider.reading(root, request: Self.request(), zone: .utc) },
            throws: Self.malformed(message)
        )
    }

    @Test(
        arguments: [
            (#"{"volume": 1e13}"#, "`volume` 10000000000000 × 1000000 bytes is more than 1 PB"),
            (#"{"volume": "inf"}"#, "`volume` inf × 1000000 bytes is not a finite number"),
            (#"{"volume": 10, "total_volume": 1e308}"#, "`total_volume`"),
            (#"{"volume": 10, "expiry_date": "1900-01-01T00:00:00Z"}"#, "is outside 1970-01-01 to 9999-12-31"),
        ]
    )
    func oneNCEAbsurdNumbers(body: String, message: String) throws {
        let root = try JSONNode(parsing: Array(body.utf8))
        #expect(
            performing: { try OneNCEProvider.reading(root, request: Self.request()) },
            throws: Self.malformed(message)
        )
    }

    @Test func oneNCEOverdrawnVolumeIsNoneLeft() throws {
        let root = try JSONNode(parsing: Array(#"{"volume": -5, "total_volume": 100}"#.utf8))
        let reading = try OneNCEProvider.reading(root, request: Self.request())
        #expect(reading.remaining == .zero)
        #expect(reading.status == .finished)
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
        let estimate = ManualProvider.estimate(
            from: entry,
            pace: ByteCount(bytes: Plausible.maximumBytes),
            period: nil,
            lineID: "l1",
            now: Plausible.latestDate
        )
        #expect(estimate?.remaining == .zero)
    }
}
