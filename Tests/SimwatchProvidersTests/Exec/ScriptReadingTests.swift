import FoundationEssentials
import SimwatchCore
import SimwatchProviders
import Testing

@Suite struct ScriptReadingTests {
    @Test func scriptReading() throws {
        let zone = ZoneInfo.utc
        let r = try ScriptReading(
            parsing: Array(
                #"{"remaining": "1,5 Go", "total": 5000000000, "expires_at": "2026-12-15 00:00:00", "status": "active", "credit": "4.52 EUR"}"#
                    .utf8
            ),
            zone: zone
        )
        #expect(r.remaining == ByteCount(bytes: 1_500_000_000))
        #expect(r.total == ByteCount(bytes: 5_000_000_000))
        #expect(r.expiresAt == zone.date(year: 2026, month: 12, day: 15, hour: 0, minute: 0))
        #expect(r.status == .active)
        #expect(
            try ScriptReading(parsing: Array(#"{"error": "login failed"}"#.utf8), zone: zone).error == "login failed"
        )
        #expect(throws: JSONNodeError.self) { try ScriptReading(parsing: Array(#"{"left": 3}"#.utf8), zone: zone) }
        #expect(throws: JSONNodeError.self) { try ScriptReading(parsing: Array("{}".utf8), zone: zone) }
        #expect(throws: JSONNodeError.self) { try ScriptReading(parsing: Array("hello".utf8), zone: zone) }
    }
}
