import SimwatchSystemd
import Testing

@Suite struct DBusTimeoutTests {
    @Test func secondsBecomeMicroseconds() {
        #expect(DBusTimeout.microseconds(5) == 5_000_000)
        #expect(DBusTimeout.microseconds(30) == 30_000_000)
        #expect(DBusTimeout.microseconds(0.25) == 250_000)
    }

    @Test func everyTimeoutIsBounded() {
        // 0 would be sd-bus's own default, not "no wait"; infinity and NaN would trap converting to UInt64.
        #expect(DBusTimeout.microseconds(0) == 100_000)
        #expect(DBusTimeout.microseconds(-3) == 100_000)
        #expect(DBusTimeout.microseconds(.infinity) == 3_600_000_000)
        #expect(DBusTimeout.microseconds(1e300) == 3_600_000_000)
        #expect(DBusTimeout.microseconds(.nan) == 5_000_000)
    }
}
