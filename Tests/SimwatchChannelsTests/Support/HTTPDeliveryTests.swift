import FoundationEssentials
import SimwatchCore
import SimwatchHTTP
import Testing

@testable import SimwatchChannels

@Suite struct HTTPDeliveryTests {
    static let t0 = Date(timeIntervalSince1970: 1_795_132_800)

    @Test func httpStatusesMapToOutcomes() {
        func code(_ status: Int, _ headers: [HTTPHeader] = []) -> DeliveryError? {
            do {
                try HTTPDelivery.check(HTTPResponseSpec(status: status, headers: headers, body: []), now: Self.t0)
                return nil
            } catch {
                return error
            }
        }
        #expect(code(200) == nil && code(204) == nil)
        #expect(code(410)?.code == .gone)
        #expect(code(500)?.code == .temporary && code(429)?.code == .temporary && code(408)?.code == .temporary)
        #expect(code(404)?.code == .rejected && code(301)?.code == .rejected && code(400)?.code == .rejected)
        #expect(code(503, [HTTPHeader("Retry-After", "120")])?.retryAfter == 120)
        #expect(HTTPDelivery.retryAfter("Fri, 20 Nov 2026 00:10:00 GMT", now: Self.t0) == 600)
        #expect(HTTPDelivery.retryAfter("soon", now: Self.t0) == nil)
        #expect(HTTPDelivery.retryAfter("9999999", now: Self.t0) == 86_400)
    }
}
