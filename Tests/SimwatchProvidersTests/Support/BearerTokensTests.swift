import FoundationEssentials
import SimwatchCore
import SimwatchHTTP
import Synchronization
import Testing

@testable import SimwatchProviders

@Suite struct BearerTokensTests {
    static let t0 = Date(timeIntervalSince1970: 1_795_132_800)

    /// A token endpoint that counts its calls and hands out `tok1`, `tok2`, ... valid for `lifetime`.
    final class Issuer: Sendable {
        let calls = Mutex(0)
        let lifetime: TimeSpan
        let delay: Duration
        let failFirst: Bool

        init(lifetime: TimeSpan = .minutes(10), delay: Duration = .zero, failFirst: Bool = false) {
            self.lifetime = lifetime
            self.delay = delay
            self.failFirst = failFirst
        }

        var count: Int { calls.withLock { $0 } }

        var fetch: BearerTokens.Fetch {
            { () async throws(ProviderError) -> BearerTokens.Grant in
                let n = self.calls.withLock { calls in
                    calls += 1
                    return calls
                }
                if self.delay > .zero { try? await Task.sleep(for: self.delay) }
                if self.failFirst, n == 1 { throw ProviderError(.unavailable, "token endpoint down") }
                return BearerTokens.Grant(token: "tok\(n)", lifetime: self.lifetime)
            }
        }
    }

    /// An API that refuses the tokens in `refused` with 401 and records the tokens it was sent.
    final class API: Sendable {
        let seen = Mutex<[String]>([])
        let refused: @Sendable (String) -> Bool

        init(refusing refused: @escaping @Sendable (String) -> Bool) {
            self.refused = refused
        }

        func call(_ token: String) async throws(ProviderError) -> BearerTokens.Exchange {
            seen.withLock { $0.append(token) }
            let spec = HTTPRequestSpec(url: "https://api.example/usage", headers: [HTTPHeader("Authorization", token)])
            let status = refused(token) ? 401 : 200
            return BearerTokens.Exchange(
                request: spec,
                response: HTTPResponseSpec(status: status, headers: [], body: [])
            )
        }
    }

    @Test func aTokenIsKeptUntilItsLifetimeHasPassed() async throws {
        let tokens = BearerTokens()
        let issuer = Issuer(lifetime: .minutes(1))
        #expect(try await tokens.token("a", now: Self.t0, fetch: issuer.fetch) == "tok1")
        #expect(try await tokens.token("a", now: Self.t0 + TimeSpan(seconds: 59), fetch: issuer.fetch) == "tok1")
        #expect(issuer.count == 1)
        #expect(try await tokens.token("a", now: Self.t0 + TimeSpan(seconds: 60), fetch: issuer.fetch) == "tok2")
        #expect(issuer.count == 2)
        // Another account has a token of its own.
        #expect(try await tokens.token("b", now: Self.t0, fetch: issuer.fetch) == "tok3")
        #expect(try await tokens.token("a", now: Self.t0 + TimeSpan(seconds: 61), fetch: issuer.fetch) == "tok2")
    }

    @Test func concurrentCallersShareOneFetch() async throws {
        let tokens = BearerTokens()
        let issuer = Issuer(delay: .milliseconds(200))
        let got = try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<10 {
                group.addTask { try await tokens.token("a", now: Self.t0, fetch: issuer.fetch) }
            }
            var all: [String] = []
            for try await token in group { all.append(token) }
            return all
        }
        #expect(got == Array(repeating: "tok1", count: 10))
        #expect(issuer.count == 1)
    }

    @Test func aFailedFetchIsNotKept() async throws {
        let tokens = BearerTokens()
        let issuer = Issuer(failFirst: true)
        await #expect(throws: ProviderError.self) { try await tokens.token("a", now: Self.t0, fetch: issuer.fetch) }
        #expect(try await tokens.token("a", now: Self.t0, fetch: issuer.fetch) == "tok2")
    }

    @Test func a401DropsTheTokenAndRetriesOnceWithAFreshOne() async throws {
        let tokens = BearerTokens()
        let issuer = Issuer()
        let api = API { $0 == "tok1" }
        let exchange = try await tokens.send("a", now: Self.t0, fetch: issuer.fetch, request: api.call)
        #expect(exchange.response.status == 200)
        #expect(api.seen.withLock { $0 } == ["tok1", "tok2"])
        #expect(issuer.count == 2)
        // The fresh token is kept for the next request.
        _ = try await tokens.send("a", now: Self.t0, fetch: issuer.fetch, request: api.call)
        #expect(api.seen.withLock { $0 } == ["tok1", "tok2", "tok2"])
        #expect(issuer.count == 2)
    }

    @Test func aSecond401IsTheAnswer() async throws {
        let tokens = BearerTokens()
        let issuer = Issuer()
        let api = API { _ in true }
        let exchange = try await tokens.send("a", now: Self.t0, fetch: issuer.fetch, request: api.call)
        #expect(exchange.response.status == 401)
        #expect(api.seen.withLock { $0 } == ["tok1", "tok2"])
        #expect(issuer.count == 2)
    }

    @Test func aStaleRefusalDoesNotDropTheNewerToken() async throws {
        let tokens = BearerTokens()
        let issuer = Issuer()
        #expect(try await tokens.token("a", now: Self.t0, fetch: issuer.fetch) == "tok1")
        await tokens.invalidate("a", token: "tok1")
        #expect(try await tokens.token("a", now: Self.t0, fetch: issuer.fetch) == "tok2")
        // A request that went out with tok1 comes back refused after tok2 was fetched: tok2 stays.
        await tokens.invalidate("a", token: "tok1")
        #expect(try await tokens.token("a", now: Self.t0, fetch: issuer.fetch) == "tok2")
        #expect(issuer.count == 2)
    }
}
