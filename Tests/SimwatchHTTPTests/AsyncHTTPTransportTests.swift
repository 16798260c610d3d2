import SimwatchHTTP
import Testing

@Suite(.serialized) struct AsyncHTTPTransportTests {
    let transport = AsyncHTTPTransport()

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
                headers: [HTTPHeader("webhook-id", "l1/low/1/1/hook")],
                body: Array("{}".utf8)
            )
        )
        #expect(response.status == 201)
        #expect(response.header("x-id") == "7")
        #expect(response.bodyText == "{\"ok\":true}")
        let request = try #require(server.received.first)
        #expect(request.hasPrefix("POST /hook HTTP/1.1"))
        #expect(request.lowercased().contains("webhook-id: l1/low/1/1/hook"))
        await transport.shutdown()
    }

    @Test func redirectsAreAnswersNotFollowed() async throws {
        let server = try CannedServer(
            response: "HTTP/1.1 302 Found\r\nLocation: http://127.0.0.1:1/elsewhere\r\nContent-Length: 0\r\n\r\n"
        )
        defer { server.close() }
        let response = try await transport.send(HTTPRequestSpec(url: "http://127.0.0.1:\(server.port)/"))
        #expect(response.status == 302)
        #expect(server.received.count == 1)
        await transport.shutdown()
    }

    @Test func aHungServerTimesOut() async throws {
        let server = try CannedServer(response: nil)
        defer { server.close() }
        await #expect(throws: HTTPTransportError.self) {
            do {
                _ = try await transport.send(HTTPRequestSpec(url: "http://127.0.0.1:\(server.port)/", totalTimeout: 1))
            } catch let error as HTTPTransportError {
                #expect(error.code == .timeout)
                throw error
            }
        }
        await transport.shutdown()
    }

    @Test func oversizedBodiesAreRefused() async throws {
        let body = String(repeating: "x", count: 5000)
        let server = try CannedServer(response: "HTTP/1.1 200 OK\r\nContent-Length: 5000\r\n\r\n\(body)")
        defer { server.close() }
        await #expect(throws: HTTPTransportError.self) {
            do {
                _ = try await transport.send(
                    HTTPRequestSpec(url: "http://127.0.0.1:\(server.port)/", maxResponseBytes: 1000)
                )
            } catch let error as HTTPTransportError {
                #expect(error.code == .tooLarge)
                throw error
            }
        }
        await transport.shutdown()
    }

    @Test func refusedConnectionIsAnError() async throws {
        await #expect(throws: HTTPTransportError.self) {
            _ = try await transport.send(
                HTTPRequestSpec(url: "http://127.0.0.1:9/", connectTimeout: 2, totalTimeout: 3)
            )
        }
        await transport.shutdown()
    }
}
