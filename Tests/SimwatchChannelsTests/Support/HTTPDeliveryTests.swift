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

    /// Each way of having no network is `offline` (it waits for the network); a broken TLS setup, a timeout and a bad
    /// URL are not.
    @Test(arguments: [
        (HTTPTransportError.Code.unreachable, DeliveryError.Code.offline),
        (.connect, .temporary),
        (.io, .temporary),
        (.tooLarge, .temporary),
        (.timeout, .timeout),
        (.invalidURL, .misconfigured),
    ])
    func transportFailuresMapToOutcomes(_ failure: HTTPTransportError.Code, _ expected: DeliveryError.Code) async {
        struct Failing: HTTPTransport {
            let code: HTTPTransportError.Code
            func send(_ request: HTTPRequestSpec) async throws(HTTPTransportError) -> HTTPResponseSpec {
                throw HTTPTransportError(code, "Could not resolve host: example.invalid")
            }
        }
        do {
            try await HTTPDelivery.send(
                HTTPRequestSpec(url: "http://example.invalid/"),
                through: Failing(code: failure),
                now: Self.t0
            )
            Issue.record("delivered")
        } catch {
            #expect(error.code == expected)
        }
    }
}
