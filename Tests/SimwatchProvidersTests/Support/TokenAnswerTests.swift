import SimwatchCore
import SimwatchHTTP
import SimwatchProviders
import Testing

/// How the OAuth-style providers read a token endpoint's answer (`HTTPClientContext.requestToken`): Airalo's token
/// under `data` or at the top, 1NCE's at the top, and an answer without one named in the error.
@Suite struct TokenAnswerTests {
    static let usage = #"{"data": {"remaining": 767, "total": 2048, "expired_at": "2026-12-20 10:00:00"}}"#

    static func airalo(token answer: String) throws -> (ProviderFactory, Line) {
        let secret = try ProviderTests.secretFile("x", mode: 0o400)
        let transport = FakeTransport { request, _ throws(HTTPTransportError) in
            request.url.hasSuffix("/v2/token") ? FakeTransport.json(200, answer) : FakeTransport.json(200, usage)
        }
        let settings = AiraloProviderSettings(iccid: "8944465400000000000", clientID: "id", secret: .file(secret))
        return (
            ProviderFactory(transport: transport, logger: ProviderTests.quiet), ProviderTests.line(settings)
        )
    }

    @Test func airaloTakesATokenAtTheTopWhenDataHasNone() async throws {
        let (factory, line) = try Self.airalo(token: #"{"access_token": "t", "expires_in": 3600}"#)
        let reading = try await factory.make(for: line).read(ProviderTests.request(line))
        #expect(reading.remaining == ByteCount(bytes: 767 * 1_048_576))
    }

    @Test func airaloWithoutATokenNamesWhereItLooked() async throws {
        let (factory, line) = try Self.airalo(token: #"{"data": {"token_type": "Bearer"}}"#)
        await #expect {
            try await factory.make(for: line).read(ProviderTests.request(line))
        } throws: { error in
            let error = error as? ProviderError
            return error?.code == .malformed && error?.message == "Airalo token: no data.access_token in the answer"
        }
    }

    @Test func oneNCEWithoutATokenNamesWhereItLooked() async throws {
        let secret = try ProviderTests.secretFile("api-password\n", mode: 0o600)
        let transport = FakeTransport { request, _ throws(HTTPTransportError) in
            request.url.hasSuffix("/oauth/token")
                ? FakeTransport.json(200, #"{"data": {"access_token": "t"}}"#)
                : FakeTransport.json(200, #"{"volume": 500, "total_volume": 1000}"#)
        }
        let factory = ProviderFactory(transport: transport, logger: ProviderTests.quiet)
        let line = ProviderTests.line(OneNCETokenTests.settings("898828000000000000", secret: secret))
        await #expect {
            try await factory.make(for: line).read(ProviderTests.request(line))
        } throws: { error in
            let error = error as? ProviderError
            return error?.code == .malformed && error?.message == "1NCE token: no access_token in the answer"
        }
    }
}
