import FoundationEssentials
import SimwatchCore
import SimwatchProviders
import Testing

/// Provider answers with numbers that do not fit (an "unlimited" marker, 1e13 MB, "inf", an absurd date) are a
/// malformed read naming the field, never an overflow trap.
@Suite struct ProviderAnswerLimitsTests {
    static let t0 = Date(timeIntervalSince1970: 1_795_132_800)

    static func request() -> ReadRequest {
        let settings = AiraloProviderSettings(iccid: "8944465400000000000", clientID: "id", secret: .file("/none"))
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

    static func node(_ json: String) throws -> JSONNode {
        try JSONNode(parsing: Array(json.utf8))
    }

    static func isMalformed(_ error: any Error, _ message: String) -> Bool {
        guard let error = error as? ProviderError else { return false }
        return error.code == .malformed && error.message.contains(message)
    }

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
        let root = try Self.node(#"{"data": {"# + data + #", "status": "ACTIVE", "is_unlimited": false}}"#)
        #expect {
            try AiraloUsage.reading(root, request: Self.request(), zone: .utc)
        } throws: { error in
            Self.isMalformed(error, message)
        }
    }

    @Test func airaloInRange() throws {
        let root = try Self.node(#"{"data": {"remaining": 767, "total": 2048, "status": "ACTIVE"}}"#)
        let reading = try AiraloUsage.reading(root, request: Self.request(), zone: .utc)
        #expect(reading.remaining == ByteCount(bytes: 767 * 1_048_576))
        #expect(reading.used == ByteCount(bytes: (2048 - 767) * 1_048_576))
    }

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
        let root = try Self.node(body)
        #expect {
            try OneNCEQuota.reading(root, request: Self.request())
        } throws: { error in
            Self.isMalformed(error, message)
        }
    }

    @Test func oneNCEOverdrawnVolumeIsNoneLeft() throws {
        let reading = try OneNCEQuota.reading(
            try Self.node(#"{"volume": -5, "total_volume": 100}"#),
            request: Self.request()
        )
        #expect(reading.remaining == .zero)
        #expect(reading.used == ByteCount(bytes: 100_000_000))
        #expect(reading.status == .finished)
    }

    static func jsonSettings(
        _ fields: JSONSourceSettings.Fields,
        unit: Double = 1,
        dates: JSONSourceSettings.DateFormat = .iso8601
    )
        -> JSONSourceSettings
    {
        JSONSourceSettings(
            url: "https://x.example/",
            fields: fields,
            unitBytes: unit,
            dateFormat: dates,
            currency: "EUR"
        )
    }

    @Test(
        arguments: [
            (#"{"r": 9223372036854775807}"#, "`remaining` 9.223372036854776e+18 is more than 1 PB"),
            (#"{"r": -9223372036854775808}"#, "`remaining` -9.223372036854776e+18 is negative"),
            (#"{"r": 1e19}"#, "`remaining` 1e+19 is more than 1 PB"),
            (#"{"r": "inf"}"#, "`remaining` inf is not a finite number"),
            (#"{"r": "99999999999 Go"}"#, "`remaining`: data amount '99999999999 Go' is more than 1 PB"),
            (#"{"r": 1, "e": 1e19}"#, "`expires` 1e+19 is outside 1970-01-01 to 9999-12-31"),
            (#"{"r": 1, "e": -1}"#, "`expires` -1 is outside"),
            (#"{"r": 1, "e": "inf"}"#, "`expires` inf is not a finite time"),
            (#"{"r": 1, "e": null, "c": 1e13}"#, "`credit` 10000000000000 is more than 10^12"),
            (
                #"{"r": 1, "e": null, "c": "99999999999999 EUR"}"#,
                "`credit`: amount '99999999999999 EUR' is more than 10^12"
            ),
        ]
    )
    func jsonSource(body: String, message: String) throws {
        let settings = Self.jsonSettings(.init(remaining: "/r", expires: "/e", credit: "/c"), dates: .unix)
        let root = try Self.node(body)
        #expect {
            try JSONSourceReading.reading(root, settings: settings, request: Self.request())
        } throws: { error in
            Self.isMalformed(error, message)
        }
    }

    @Test func jsonSourceUnitMultiplicationIsChecked() throws {
        let settings = Self.jsonSettings(.init(remaining: "/r"), unit: 1e6)
        #expect {
            try JSONSourceReading.reading(try Self.node(#"{"r": 1e13}"#), settings: settings, request: Self.request())
        } throws: { error in
            Self.isMalformed(error, "`remaining` 10000000000000 × 1000000 bytes is more than 1 PB")
        }
        let fine = try JSONSourceReading.reading(
            try Self.node(#"{"r": 1.5}"#),
            settings: settings,
            request: Self.request()
        )
        #expect(fine.remaining == ByteCount(bytes: 1_500_000))
    }

    @Test(arguments: ["1e19", "9223372036854775807", "-1e300", "2.5", "1"])
    func numericStatusesNeverTrap(status: String) throws {
        let settings = Self.jsonSettings(.init(remaining: "/r", status: "/s"))
        let reading = try JSONSourceReading.reading(
            try Self.node(#"{"r": 1, "s": "# + status + "}"),
            settings: settings,
            request: Self.request()
        )
        #expect(reading.status == .unknown)
    }

    @Test func millisecondDatesAtTheLimit() throws {
        let settings = Self.jsonSettings(.init(remaining: "/r", expires: "/e"), dates: .unixMilliseconds)
        let reading = try JSONSourceReading.reading(
            try Self.node(#"{"r": 1, "e": 253402300799000}"#),
            settings: settings,
            request: Self.request()
        )
        #expect(reading.expiresAt == Plausible.latestDate)
        #expect(throws: ProviderError.self) {
            try JSONSourceReading.reading(
                try Self.node(#"{"r": 1, "e": 253402300800000}"#),
                settings: settings,
                request: Self.request()
            )
        }
    }
}
