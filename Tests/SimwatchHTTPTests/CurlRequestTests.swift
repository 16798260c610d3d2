import Testing

@testable import SimwatchHTTP

@Suite struct CurlRequestTests {
    /// libcurl reads 0 as "no timeout": every value becomes a bounded, positive number of milliseconds.
    @Test func timeoutsAreAlwaysBounded() {
        #expect(CurlRequest.milliseconds(2.5) == 2500)
        #expect(CurlRequest.milliseconds(0) == 1)
        #expect(CurlRequest.milliseconds(-4) == 1)
        #expect(CurlRequest.milliseconds(.nan) == 1)
        #expect(CurlRequest.milliseconds(0.0001) == 1)
        #expect(CurlRequest.milliseconds(.infinity) == CurlRequest.longestTimeoutMilliseconds)
        #expect(CurlRequest.milliseconds(1e300) == CurlRequest.longestTimeoutMilliseconds)
    }

    @Test func headersBecomeLinesAndStopLibcurlsDefaults() throws {
        let request = try CurlRequest(
            HTTPRequestSpec(
                method: "POST",
                url: "https://h.example/",
                headers: [HTTPHeader("X-A", "1"), HTTPHeader("X-Empty", "")],
                body: [1]
            )
        )
        #expect(request.headerLines == ["X-A: 1", "X-Empty;", "Expect:", "Content-Type:"])
        let typed = try CurlRequest(
            HTTPRequestSpec(
                method: "POST",
                url: "https://h.example/",
                headers: [HTTPHeader("content-type", "text/plain")],
                body: [1]
            )
        )
        #expect(typed.headerLines == ["content-type: text/plain", "Expect:"])
        let get = try CurlRequest(HTTPRequestSpec(url: "https://h.example/"))
        #expect(get.headerLines == ["Expect:"] && get.body == nil)
    }

    @Test func limitsAreNeverNegative() throws {
        #expect(try CurlRequest(HTTPRequestSpec(url: "http://127.0.0.1/", maxResponseBytes: -5)).maxResponseBytes == 0)
    }

    @Test func badURLsNameNoCredentials() {
        #expect(throws: HTTPTransportError.self) { try CurlRequest.check(url: "ftp://u:pw-secret@h/") }
        do {
            try CurlRequest.check(url: "ftp://u:pw-secret@h/?k=key-secret")
        } catch {
            #expect(!error.detail.contains("pw-secret") && !error.detail.contains("key-secret"))
            #expect(error.code == .invalidURL)
        }
        #expect(throws: Never.self) { try CurlRequest.check(url: "HTTPS://h.example/") }
    }
}
