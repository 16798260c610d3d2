import FoundationEssentials
import SimwatchCore
import Testing

/// Retry-After comes from servers simwatch does not control: waits are clamped to a day, absurd dates ignored.
@Suite struct RetryAfterTests {
    static let now = Date(timeIntervalSince1970: 1_795_132_800)  // 2026-11-20T00:00:00Z

    @Test(
        arguments: [
            ("120", 120), (" 0 ", 0), ("86399", 86_399), ("86400", 86_400), ("99999999999", 86_400),
            ("9223372036854775807", 86_400), ("99999999999999999999999999", 86_400),
            ("Fri, 20 Nov 2026 00:10:00 GMT", 600), ("Thu, 19 Nov 2026 23:00:00 GMT", 0),
            ("Fri, 31 Dec 9999 23:59:60 GMT", 86_400), ("Thu, 01 Jan 1970 00:00:00 GMT", 0),
        ] as [(String, Int64)]
    )
    func waits(header: String, seconds: Int64) {
        #expect(RetryAfter.wait(header, now: Self.now) == TimeSpan(seconds: seconds))
    }

    @Test(arguments: [
        "", "soon", "-5", "1e3", "12.5", "+120", "Mon, 01 Jan 1900 00:00:00 GMT", "Fri, 01 Jan 99999 00:00:00 GMT",
        "Fri, 99 Nov 2026 00:00:00 GMT", "Fri, 31 Nov 2026 00:00:00 GMT", "Fri, 20 Nov 2026 25:00:00 GMT",
        "Fri, 20 Nov 2026 00:61:00 GMT", "Fri, 20 Foo 2026 00:00:00 GMT", "Fri, 20 Nov 2026 00:00:00 CET",
        "Fri, 20 Nov 99999999999999999999 00:00:00 GMT", "Fri, 9999999999999999999 Nov 2026 00:00:00 GMT",
    ])
    func ignored(header: String) {
        #expect(RetryAfter.wait(header, now: Self.now) == nil)
    }

    @Test func secondsOnlyFormForCallersWithoutAClock() {
        #expect(RetryAfter.wait("1800") == .minutes(30))
        #expect(RetryAfter.wait("99999999999") == RetryAfter.maximum)
        #expect(RetryAfter.wait("Fri, 20 Nov 2026 00:10:00 GMT") == nil)
        #expect(RetryAfter.wait(nil) == nil)
    }
}
