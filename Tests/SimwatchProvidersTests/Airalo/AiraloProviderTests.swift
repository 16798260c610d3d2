import FoundationEssentials
import SimwatchCore
import SimwatchHTTP
import SimwatchProviders
import Testing

@Suite struct AiraloProviderTests {
    @Test func airaloTokenRefreshUnlimitedAndThrottle() async throws {
        let secret = try ProviderTests.secretFile("client-secret", mode: 0o600)
        let transport = FakeTransport { request, n throws(HTTPTransportError) in
            if request.url.hasSuffix("/v2/token") {
                let body = String(decoding: request.body ?? [], as: UTF8.self)
                #expect(body.contains("client_secret=client-secret") && body.contains("grant_type=client_credentials"))
                return FakeTransport.json(200, #"{"data": {"access_token": "tok\#(n)", "expires_in": 31536000}}"#)
            }
            // The first token is refused once, as after a revocation.
            if request.headers.contains(HTTPHeader("Authorization", "Bearer tok1")) {
                return FakeTransport.json(401, #"{"meta": {"message": "Unauthenticated"}}"#)
            }
            return FakeTransport.json(
                200,
                #"{"data": {"remaining": 0, "total": 0, "expired_at": "2026-12-20 10:00:00", "is_unlimited": true, "status": "ACTIVE"}}"#
            )
        }
        let factory = ProviderFactory(transport: transport, logger: ProviderTests.quiet)
        let settings = AiraloProviderSettings(
            iccid: "8944465400000000000",
            clientID: "id",
            secret: .file(secret),
            baseURL: "http://127.0.0.1:9",
            timeZone: try ZoneInfo(identifier: "Europe/Paris")
        )
        let line = ProviderTests.line(settings)
        let reading = try await factory.make(for: line).read(ProviderTests.request(line))
        #expect(reading.status == .unlimited)
        #expect(reading.remaining == nil && reading.total == nil)
        #expect(reading.expiresAt == Date(timeIntervalSince1970: 1_797_757_200))  // 2026-12-20T09:00:00Z
        #expect(transport.requests.map { $0.url.hasSuffix("token") } == [true, false, true, false])
        // Ten minutes later: the same ICCID is not asked again.
        let again = try await factory.make(for: line).read(ProviderTests.request(line, at: ProviderTests.t0 + 600))
        #expect(again.providerUpdatedAt == ProviderTests.t0)
        #expect(transport.requests.count == 4)
    }

    @Test func airaloAmountsAndRateLimit() async throws {
        let secret = try ProviderTests.secretFile("x", mode: 0o400)
        let transport = FakeTransport { request, n throws(HTTPTransportError) in
            if request.url.hasSuffix("/v2/token") {
                return FakeTransport.json(200, #"{"data": {"access_token": "t"}}"#)
            }
            if n == 2 {
                return FakeTransport.json(
                    200,
                    #"{"data": {"remaining": 767, "total": 2048, "expired_at": "2026-12-20 10:00:00", "is_unlimited": false, "status": "ACTIVE"}}"#
                )
            }
            return FakeTransport.json(429, "Too Many Attempts", headers: [HTTPHeader("Retry-After", "1800")])
        }
        let factory = ProviderFactory(transport: transport, logger: ProviderTests.quiet)
        let line = ProviderTests.line(
            AiraloProviderSettings(iccid: "8944465400000000000", clientID: "id", secret: .file(secret))
        )
        let reading = try await factory.make(for: line).read(ProviderTests.request(line))
        #expect(reading.remaining == ByteCount(bytes: 767 * 1_048_576))
        #expect(reading.used == ByteCount(bytes: (2048 - 767) * 1_048_576))
        await #expect {
            try await factory.make(for: line).read(ProviderTests.request(line, at: ProviderTests.t0 + 1300))
        } throws: { error in
            (error as? ProviderError)?.code == .rateLimited && (error as? ProviderError)?.retryAfter == .minutes(30)
        }
    }
}
