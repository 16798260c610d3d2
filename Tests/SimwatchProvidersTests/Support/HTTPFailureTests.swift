import SimwatchCore
import SimwatchHTTP
import Testing

@testable import SimwatchProviders

@Suite struct HTTPFailureTests {
    static let token = "TOKEN-7f3a9c-abcdef"

    @Test func httpFailurePreviewsHideWhatTheRequestCarried() {
        let request = HTTPRequestSpec(
            url: "http://127.0.0.1/x",
            headers: [HTTPHeader("Authorization", "Bearer " + Self.token)]
        )
        // The secret straddles the preview's 120 characters: masked before the cut, not after.
        let body = String(repeating: "x", count: 110) + " Authorization: Bearer " + Self.token
        let error = HTTPClientContext.failure(
            HTTPResponseSpec(status: 400, headers: [], body: Array(body.utf8)),
            to: request,
            what: "api"
        )
        #expect(!error.message.contains("TOKEN-7f"), "\(error.message)")
        #expect(error.code == .unavailable)
    }
}
