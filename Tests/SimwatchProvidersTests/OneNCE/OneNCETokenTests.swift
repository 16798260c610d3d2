import FoundationEssentials
import SimwatchCore
import SimwatchHTTP
import SimwatchProviders
import Testing

/// 1NCE's token goes through the shared `BearerTokens`: lines of one account polled together ask for one token,
/// and a refused token is fetched again once.
@Suite struct OneNCETokenTests {
    static func settings(_ iccid: String, secret: String) -> OneNCEProviderSettings {
        OneNCEProviderSettings(iccid: iccid, username: "api-user", secret: .file(secret), baseURL: "http://127.0.0.1:9")
    }

    @Test func linesOfOneAccountShareOneTokenAndARefusedOneIsFetchedAgainOnce() async throws {
        let secret = try ProviderTests.secretFile("api-password\n", mode: 0o600)
        let transport = FakeTransport { request, n throws(HTTPTransportError) in
            if request.url.hasSuffix("/oauth/token") {
                #expect(request.headers.contains { $0.name == "Authorization" && $0.value.hasPrefix("Basic ") })
                return FakeTransport.json(200, #"{"access_token": "tok\#(n)", "expires_in": 3600}"#)
            }
            if request.url.contains("/revoked/") {
                return FakeTransport.json(401, #"{"message": "Unauthorized"}"#)
            }
            return FakeTransport.json(200, #"{"volume": 500, "total_volume": 1000}"#)
        }
        let factory = ProviderFactory(transport: transport, logger: ProviderTests.quiet)
        let lines = (0..<6).map { i in
            ProviderTests.line(Self.settings("89882800000000000\(i)", secret: secret), id: "l\(i)")
        }
        let providers = lines.map { factory.make(for: $0) }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for (line, provider) in zip(lines, providers) {
                group.addTask {
                    let reading = try await provider.read(ProviderTests.request(line))
                    #expect(reading.remaining == ByteCount(bytes: 500_000_000))
                }
            }
            try await group.waitForAll()
        }
        #expect(transport.requests.filter { $0.url.hasSuffix("/oauth/token") }.count == 1)
        #expect(transport.requests.count == 7)

        // Always refused: one new token, one retry, then the 401 is the answer.
        let revoked = ProviderTests.line(Self.settings("revoked/1", secret: secret), id: "r")
        await #expect {
            try await factory.make(for: revoked).read(ProviderTests.request(revoked))
        } throws: { error in
            (error as? ProviderError)?.code == .unauthorized
        }
        let after = transport.requests.dropFirst(7).map { $0.url.hasSuffix("/oauth/token") }
        #expect(after == [false, true, false])
    }
}
