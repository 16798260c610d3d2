import FoundationEssentials
import SimwatchCore
import SimwatchProviders
import Testing

/// Provider answers with numbers that do not fit (an "unlimited" marker, 1e13 MB, "inf", an absurd date) are a
/// malformed read naming the field, never an overflow trap.
@Suite struct JSONAnswerLimitsTests {
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
        let root = try ProviderAnswers.node(body)
        #expect {
            try JSONSourceReading.reading(root, settings: settings, request: ProviderAnswers.request())
        } throws: { error in
            ProviderAnswers.isMalformed(error, message)
        }
    }

    @Test func jsonSourceUnitMultiplicationIsChecked() throws {
        let settings = Self.jsonSettings(.init(remaining: "/r"), unit: 1e6)
        #expect {
            try JSONSourceReading.reading(
                try ProviderAnswers.node(#"{"r": 1e13}"#),
                settings: settings,
                request: ProviderAnswers.request()
            )
        } throws: { error in
            ProviderAnswers.isMalformed(error, "`remaining` 10000000000000 × 1000000 bytes is more than 1 PB")
        }
        let fine = try JSONSourceReading.reading(
            try ProviderAnswers.node(#"{"r": 1.5}"#),
            settings: settings,
            request: ProviderAnswers.request()
        )
        #expect(fine.remaining == ByteCount(bytes: 1_500_000))
    }

    @Test(arguments: ["1e19", "9223372036854775807", "-1e300", "2.5", "1"])
    func numericStatusesNeverTrap(status: String) throws {
        let settings = Self.jsonSettings(.init(remaining: "/r", status: "/s"))
        let reading = try JSONSourceReading.reading(
            try ProviderAnswers.node(#"{"r": 1, "s": "# + status + "}"),
            settings: settings,
            request: ProviderAnswers.request()
        )
        #expect(reading.status == .unknown)
    }

    @Test func millisecondDatesAtTheLimit() throws {
        let settings = Self.jsonSettings(.init(remaining: "/r", expires: "/e"), dates: .unixMilliseconds)
        let reading = try JSONSourceReading.reading(
            try ProviderAnswers.node(#"{"r": 1, "e": 253402300799000}"#),
            settings: settings,
            request: ProviderAnswers.request()
        )
        #expect(reading.expiresAt == Plausible.latestDate)
        #expect(throws: ProviderError.self) {
            try JSONSourceReading.reading(
                try ProviderAnswers.node(#"{"r": 1, "e": 253402300800000}"#),
                settings: settings,
                request: ProviderAnswers.request()
            )
        }
    }
}
