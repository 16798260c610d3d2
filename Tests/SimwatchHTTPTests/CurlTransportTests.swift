import Glibc
import Testing

@testable import SimwatchHTTP

/// Against real loopback sockets. Serialized: some tests set proxy variables, which libcurl reads per request.
@Suite(.serialized) struct CurlTransportTests {
    let transport = CurlTransport()

    func failure(_ spec: HTTPRequestSpec) async -> HTTPTransportError? {
        do {
            _ = try await transport.send(spec)
            return nil
        } catch {
            return error
        }
    }

    @Test func sendsAndReads() async throws {
        let server = try CannedServer(
            response:
                "HTTP/1.1 201 Created\r\nContent-Type: application/json\r\nX-Id: 7\r\nContent-Length: 11\r\n\r\n{\"ok\":true}"
        )
        defer { server.close() }
        let response = try await transport.send(
            HTTPRequestSpec(
                method: "POST",
                url: "http://127.0.0.1:\(server.port)/hook",
                headers: [HTTPHeader("webhook-id", "l1/low/1/1/hook"), HTTPHeader("Content-Type", "application/json")],
                body: Array("{}".utf8)
            )
        )
        #expect(response.status == 201)
        #expect(response.header("x-id") == "7")
        #expect(response.header("Content-Type") == "application/json")
        #expect(response.bodyText == "{\"ok\":true}")
        let request = try #require(server.received.first)
        #expect(request.hasPrefix("POST /hook HTTP/1.1\r\n"))
        #expect(request.lowercased().contains("\r\nwebhook-id: l1/low/1/1/hook\r\n"))
        #expect(request.lowercased().contains("\r\ncontent-type: application/json\r\n"))
        #expect(request.hasSuffix("\r\n\r\n{}"))
    }

    /// A body larger than libcurl's 1 KiB "Expect: 100-continue" threshold goes at once, and is not labelled a
    /// form when the caller gave no type.
    @Test func bodiesGoAsGivenWithoutExpectOrAFormType() async throws {
        let server = try CannedServer(response: "HTTP/1.1 204 No Content\r\n\r\n")
        defer { server.close() }
        let body = String(repeating: "0123456789", count: 300)
        let response = try await transport.send(
            HTTPRequestSpec(method: "PUT", url: "http://127.0.0.1:\(server.port)/put", body: Array(body.utf8))
        )
        #expect(response.status == 204)
        let request = try #require(server.received.first).lowercased()
        #expect(request.hasPrefix("put /put http/1.1\r\n"))
        #expect(request.contains("\r\ncontent-length: 3000\r\n"))
        #expect(!request.contains("expect:"))
        #expect(!request.contains("content-type:"))
        #expect(request.hasSuffix("\r\n\r\n" + body))
    }

    @Test func aPostWithoutBodySendsAnEmptyOne() async throws {
        let server = try CannedServer(response: "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n")
        defer { server.close() }
        _ = try await transport.send(HTTPRequestSpec(method: "POST", url: "http://127.0.0.1:\(server.port)/"))
        let request = try #require(server.received.first).lowercased()
        #expect(request.hasPrefix("post / http/1.1\r\n"))
        #expect(request.contains("\r\ncontent-length: 0\r\n"))
    }

    /// One handle and one thread per request: concurrent requests share nothing but the library.
    @Test func concurrentRequests() async throws {
        let server = try CannedServer(response: "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok")
        defer { server.close() }
        let transport = transport
        let bodies = try await withThrowingTaskGroup(of: String.self) { group in
            for n in 0..<16 {
                group.addTask {
                    try await transport.send(HTTPRequestSpec(url: "http://127.0.0.1:\(server.port)/\(n)")).bodyText
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(bodies == Array(repeating: "ok", count: 16))
        #expect(Set(server.received.map { $0.prefix { $0 != "\r" } }).count == 16)
    }

    @Test func redirectsAreAnswersNotFollowed() async throws {
        let server = try CannedServer(
            response: "HTTP/1.1 302 Found\r\nLocation: http://127.0.0.1:1/elsewhere\r\nContent-Length: 0\r\n\r\n"
        )
        defer { server.close() }
        let response = try await transport.send(HTTPRequestSpec(url: "http://127.0.0.1:\(server.port)/"))
        #expect(response.status == 302)
        #expect(response.header("location") == "http://127.0.0.1:1/elsewhere")
        #expect(server.received.count == 1)
    }

    @Test func aHungServerTimesOut() async throws {
        let server = try CannedServer(.hang)
        defer { server.close() }
        let error = await failure(HTTPRequestSpec(url: "http://127.0.0.1:\(server.port)/", totalTimeout: 1))
        #expect(error?.code == .timeout)
    }

    /// The total timeout bounds the whole exchange, even while bytes keep coming (a read timeout would not).
    @Test func aTricklingServerHitsTheTotalTimeout() async throws {
        let server = try CannedServer(
            .trickle(head: "HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n", interval: 100)
        )
        defer { server.close() }
        let clock = ContinuousClock()
        let start = clock.now
        let error = await failure(HTTPRequestSpec(url: "http://127.0.0.1:\(server.port)/", totalTimeout: 1))
        let took = clock.now - start
        #expect(error?.code == .timeout)
        #expect(took >= .milliseconds(900) && took < .seconds(10), "took \(took)")
    }

    @Test func theConnectTimeoutIsItsOwn() async throws {
        let blackhole = try Blackhole()
        defer { blackhole.close() }
        let clock = ContinuousClock()
        let start = clock.now
        let error = await failure(
            HTTPRequestSpec(url: "http://127.0.0.1:\(blackhole.port)/", connectTimeout: 0.5, totalTimeout: 20)
        )
        let took = clock.now - start
        #expect(error?.code == .timeout)
        #expect(took >= .milliseconds(400) && took < .seconds(10), "took \(took)")
    }

    @Test func oversizedBodiesAreRefused() async throws {
        let body = String(repeating: "x", count: 5000)
        // Announced: refused from the Content-Length.
        let announced = try CannedServer(response: "HTTP/1.1 200 OK\r\nContent-Length: 5000\r\n\r\n\(body)")
        defer { announced.close() }
        let error = await failure(HTTPRequestSpec(url: "http://127.0.0.1:\(announced.port)/", maxResponseBytes: 1000))
        #expect(error?.code == .tooLarge)
        // Unannounced (read until close): refused while reading.
        let unannounced = try CannedServer(response: "HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n\(body)")
        defer { unannounced.close() }
        let streamed = await failure(
            HTTPRequestSpec(url: "http://127.0.0.1:\(unannounced.port)/", maxResponseBytes: 1000)
        )
        #expect(streamed?.code == .tooLarge)
        #expect(streamed?.detail == "response larger than 1000 bytes")
    }

    @Test func aBodyOfExactlyTheLimitIsRead() async throws {
        let server = try CannedServer(
            response: "HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n" + String(repeating: "y", count: 1000)
        )
        defer { server.close() }
        let response = try await transport.send(
            HTTPRequestSpec(url: "http://127.0.0.1:\(server.port)/", maxResponseBytes: 1000)
        )
        #expect(response.body.count == 1000)
    }

    @Test func oversizedHeadersAreRefused() async throws {
        let line = "X-Filler: " + String(repeating: "h", count: 1000) + "\r\n"
        let server = try CannedServer(
            response: "HTTP/1.1 200 OK\r\n" + String(repeating: line, count: 80) + "Content-Length: 0\r\n\r\n"
        )
        defer { server.close() }
        let error = await failure(HTTPRequestSpec(url: "http://127.0.0.1:\(server.port)/"))
        #expect(error?.code == .tooLarge)
    }

    @Test func onlyTheFinalAnswersHeadersAreKept() async throws {
        let server = try CannedServer(
            response:
                "HTTP/1.1 100 Continue\r\nX-Early: 1\r\n\r\nHTTP/1.1 200 OK\r\nX-Late: 2\r\nContent-Length: 0\r\n\r\n"
        )
        defer { server.close() }
        let response = try await transport.send(HTTPRequestSpec(url: "http://127.0.0.1:\(server.port)/"))
        #expect(response.status == 200)
        #expect(response.headers == [HTTPHeader("X-Late", "2"), HTTPHeader("Content-Length", "0")])
    }

    @Test func refusedConnectionIsUnreachable() async throws {
        let port = try closedPort()
        let error = await failure(HTTPRequestSpec(url: "http://127.0.0.1:\(port)/", connectTimeout: 2, totalTimeout: 3))
        #expect(error?.code == .unreachable)
    }

    /// A name that does not resolve is no network, as a refused connection is (the outbox waits for the network).
    @Test func unresolvableHostIsUnreachable() async throws {
        let error = await failure(
            HTTPRequestSpec(url: "http://sims.example.invalid/", connectTimeout: 2, totalTimeout: 3)
        )
        #expect(error?.code == .unreachable)
    }

    /// TLS is really attempted for https (here against a server that speaks plain HTTP at once).
    @Test func httpsIsTLS() async throws {
        let server = try CannedServer(.blurt("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n"))
        defer { server.close() }
        let error = await failure(
            HTTPRequestSpec(url: "https://127.0.0.1:\(server.port)/", connectTimeout: 2, totalTimeout: 3)
        )
        #expect(error?.code == .connect)
    }

    @Test func onlyHTTPAndHTTPSAreAllowed() async throws {
        for url in ["ftp://127.0.0.1/x", "file:///etc/passwd", "gopher://127.0.0.1/", "127.0.0.1/x", "http:///x"] {
            let error = await failure(HTTPRequestSpec(url: url))
            #expect(error?.code == .invalidURL, "\(url)")
        }
        let error = await failure(HTTPRequestSpec(url: "http://127.0.0.1/a b"))
        #expect(error?.code == .invalidURL)
    }

    @Test func headerInjectionIsRefusedWithoutQuotingTheValue() async throws {
        let error = await failure(
            HTTPRequestSpec(url: "http://127.0.0.1:1/", headers: [HTTPHeader("Authorization", "Bearer t0ken\r\nX: y")])
        )
        #expect(error?.code == .invalidURL)
        #expect(error.map { !$0.description.contains("t0ken") } == true)
        let badName = await failure(HTTPRequestSpec(url: "http://127.0.0.1:1/", headers: [HTTPHeader("A B", "c")]))
        #expect(badName?.code == .invalidURL)
        let badMethod = await failure(HTTPRequestSpec(method: "GET /x", url: "http://127.0.0.1:1/"))
        #expect(badMethod?.code == .invalidURL)
    }

    @Test func errorsNeverQuoteCredentialsOrQueries() async throws {
        let port = try closedPort()
        let error = try #require(
            await failure(HTTPRequestSpec(url: "http://alice:s3cret-pw@127.0.0.1:\(port)/v1?api_key=k3y-value#frag"))
        )
        #expect(error.code == .unreachable)
        for secret in ["alice", "s3cret-pw", "api_key", "k3y-value", "frag"] {
            #expect(!error.description.contains(secret), "\(error)")
        }
        #expect(error.description.contains("127.0.0.1"))
    }

    /// The caller is answered at once; the transfer then stops within libcurl's progress interval (a second) and
    /// closes its connection.
    @Test func cancellingAHangingRequestReturnsPromptly() async throws {
        let server = try CannedServer(.hang)
        defer { server.close() }
        let transport = transport
        let task = Task {
            try await transport.send(HTTPRequestSpec(url: "http://127.0.0.1:\(server.port)/", totalTimeout: 30))
        }
        for _ in 0..<100 where server.received.isEmpty { try await Task.sleep(for: .milliseconds(20)) }
        #expect(server.received.count == 1)
        let clock = ContinuousClock()
        let start = clock.now
        task.cancel()
        let result = await task.result
        #expect(clock.now - start < .seconds(10))
        #expect(throws: HTTPTransportError.self) { try result.get() }
        for _ in 0..<150 where server.closedCount == 0 { try await Task.sleep(for: .milliseconds(20)) }
        #expect(server.closedCount == 1, "the transfer kept its connection open")
    }

    @Test func cancellingWhileConnectingReturnsPromptly() async throws {
        let blackhole = try Blackhole()
        defer { blackhole.close() }
        let transport = transport
        let task = Task {
            try await transport.send(
                HTTPRequestSpec(url: "http://127.0.0.1:\(blackhole.port)/", connectTimeout: 30, totalTimeout: 30)
            )
        }
        try await Task.sleep(for: .milliseconds(200))
        let clock = ContinuousClock()
        let start = clock.now
        task.cancel()
        let result = await task.result
        #expect(clock.now - start < .seconds(10))
        #expect(throws: CurlCall.cancellation) { try result.get() }
    }

    @Test func anAlreadyCancelledTaskSendsNothing() async throws {
        let server = try CannedServer(response: "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n")
        defer { server.close() }
        let transport = transport
        let task = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return try await transport.send(HTTPRequestSpec(url: "http://127.0.0.1:\(server.port)/"))
        }
        await #expect(throws: HTTPTransportError.self) { try await task.value }
        try await Task.sleep(for: .milliseconds(200))
        #expect(server.received.isEmpty)
    }

    /// libcurl reads `http_proxy` and `no_proxy` from the environment for each request.
    @Test func proxiesComeFromTheEnvironment() async throws {
        let proxy = try CannedServer(response: "HTTP/1.1 200 OK\r\nContent-Length: 7\r\n\r\nproxied")
        defer { proxy.close() }
        let direct = try CannedServer(response: "HTTP/1.1 200 OK\r\nContent-Length: 6\r\n\r\ndirect")
        defer { direct.close() }
        try await withEnvironment(["http_proxy": "http://127.0.0.1:\(proxy.port)", "no_proxy": nil]) {
            let response = try await transport.send(HTTPRequestSpec(url: "http://sims.example.invalid/v1/balance"))
            #expect(response.bodyText == "proxied")
        }
        #expect(proxy.received.first?.hasPrefix("GET http://sims.example.invalid/v1/balance HTTP/1.1\r\n") == true)
        // Loopback is not exempt by itself (docs/configuration.md says so).
        try await withEnvironment(["http_proxy": "http://127.0.0.1:\(proxy.port)", "no_proxy": nil]) {
            _ = try await transport.send(HTTPRequestSpec(url: "http://127.0.0.1:\(direct.port)/via"))
        }
        #expect(proxy.received.last?.hasPrefix("GET http://127.0.0.1:\(direct.port)/via HTTP/1.1\r\n") == true)
        try await withEnvironment(["http_proxy": "http://127.0.0.1:\(proxy.port)", "no_proxy": "localhost,127.0.0.1"]) {
            let response = try await transport.send(HTTPRequestSpec(url: "http://127.0.0.1:\(direct.port)/d"))
            #expect(response.bodyText == "direct")
        }
        #expect(direct.received.first?.hasPrefix("GET /d HTTP/1.1\r\n") == true)
        #expect(direct.received.count == 1 && proxy.received.count == 2)
    }

    @Test func aProxysCredentialsDoNotShowInErrors() async throws {
        let port = try closedPort()
        try await withEnvironment(["http_proxy": "http://pxuser:px-s3cret@127.0.0.1:\(port)", "no_proxy": nil]) {
            let error = try #require(await failure(HTTPRequestSpec(url: "http://sims.example.invalid/")))
            #expect(error.code == .unreachable)
            #expect(!error.description.contains("px-s3cret") && !error.description.contains("pxuser"), "\(error)")
        }
    }

    @Test func aMissingLibcurlIsAClearError() {
        guard case .failure(let error) = CurlLibrary.load("libcurl-simwatch-absent.so.4") else {
            Issue.record("a library that does not exist was opened")
            return
        }
        #expect(error.code == .io)
        #expect(
            error.detail.hasPrefix("libcurl-simwatch-absent.so.4 not found: install libcurl4 (apt install libcurl4)")
        )
    }

    /// Sets (or, for nil, unsets) variables around `body`, then puts back what was there.
    func withEnvironment(_ values: [String: String?], _ body: () async throws -> Void) async throws {
        let saved = values.keys.map { ($0, getenv($0).map { String(cString: $0) }) }
        defer {
            for (name, value) in saved {
                if let value { setenv(name, value, 1) } else { unsetenv(name) }
            }
        }
        for (name, value) in values {
            if let value { setenv(name, value, 1) } else { unsetenv(name) }
        }
        try await body()
    }
}
