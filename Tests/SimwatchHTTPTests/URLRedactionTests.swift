import Testing

@testable import SimwatchHTTP

@Suite struct URLRedactionTests {
    @Test func originKeepsOnlySchemeHostAndPort() {
        #expect(
            URLRedaction.origin(of: "https://u:p@api.example.net:8443/v1/x?key=k#f") == "https://api.example.net:8443"
        )
        #expect(URLRedaction.origin(of: "http://[::1]:8080/hook") == "http://[::1]:8080")
        #expect(URLRedaction.origin(of: "https://api.example.net?token=t") == "https://api.example.net")
        #expect(URLRedaction.authority(of: "https://user@host.example/p") == "host.example")
        #expect(URLRedaction.authority(of: "api.example.net/v1") == "api.example.net")
    }

    @Test func redactedMasksUserInformationQueryAndFragment() {
        #expect(
            URLRedaction.redacted("https://u:p@api.example.net/v1/sims?api_key=k&x=1#top")
                == "https://***@api.example.net/v1/sims?***#***"
        )
        #expect(URLRedaction.redacted("https://api.example.net/v1") == "https://api.example.net/v1")
        // A password with an unescaped @ still goes entirely.
        #expect(URLRedaction.redacted("https://u:p@ss@h.example/") == "https://***@h.example/")
    }

    @Test func scrubRemovesEveryCredentialOfTheURLs() {
        let url = "https://alice:pa%40ss@api.example.net/v1?api_key=K3Y&lang=en"
        let text = "alice said pa@ss, pa%40ss and K3Y; api_key=K3Y&lang=en; lang en"
        let scrubbed = URLRedaction.scrub(text, hiding: [url])
        for secret in ["alice", "pa@ss", "pa%40ss", "K3Y"] { #expect(!scrubbed.contains(secret), "\(scrubbed)") }
        // Values shorter than three characters are not hunted through free text.
        #expect(scrubbed.hasSuffix("lang en"))
    }

    @Test func scrubRedactsURLsWrittenInTheText() {
        let text = "Could not resolve proxy: http://bob:hunter22@proxy.example:3128/?t=1 (retrying)"
        #expect(
            URLRedaction.scrub(text, hiding: [])
                == "Could not resolve proxy: http://***@proxy.example:3128/?*** (retrying)"
        )
        #expect(URLRedaction.scrub("see <https://h.example/p?q=1>", hiding: []) == "see <https://h.example/p?***>")
        #expect(URLRedaction.scrub("no URL here", hiding: ["https://h.example/"]) == "no URL here")
    }

    @Test func percentDecoding() {
        #expect(URLRedaction.percentDecoded("a%20b+c%2") == "a b c%2")
    }
}
