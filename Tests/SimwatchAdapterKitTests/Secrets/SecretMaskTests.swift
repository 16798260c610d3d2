import FoundationEssentials
import SimwatchCore
import SimwatchHTTP
import Testing

@testable import SimwatchAdapterKit

@Suite struct SecretMaskTests {
    static let token = "TOKEN-7f3a9c-abcdef"

    @Test func masksASecretWholeInBase64AndCutShort() {
        let mask = SecretMask([Self.token + "\n"])
        let base64 = Data(Self.token.utf8).base64EncodedString()
        #expect(mask.scrub("key \(Self.token) end") == "key *** end")
        #expect(mask.scrub("echo \(base64)!") == "echo ***!")
        // A preview that cut the secret still gives most of it away.
        #expect(mask.scrub("Bearer TOKEN-7f3a") == "Bearer ***")
        // Seven characters of its start are no secret; the rest of the text stays.
        #expect(mask.scrub("TOKEN-7 and 5 GB left") == "TOKEN-7 and 5 GB left")
    }

    @Test func shortSecretsAreNotSearchedFor() {
        #expect(SecretMask(["ab"]).scrub("a cab") == "a cab")
        #expect(SecretMask(["abc"]).scrub("xabcx abd") == "x***x abd")
    }

    @Test func aRequestsSecretsAreItsCredentialsNotItsPlainHeaders() {
        let basic = "Basic " + Data("api-user:p4ss-word-1".utf8).base64EncodedString()
        let request = HTTPRequestSpec(
            method: "POST",
            url: "https://u:url-pass-9@api.example.net/v1?key=query-key-7&line=x",
            headers: [
                HTTPHeader("Accept", "application/json"),
                HTTPHeader("Content-Type", "application/x-www-form-urlencoded"),
                HTTPHeader("X-Api-Key", "header-key-3"),
                HTTPHeader("Authorization", basic),
            ],
            body: Array("client_id=me&client_secret=form%2Dsecret-5".utf8)
        )
        let echo = """
            you sent POST /v1?key=query-key-7 Accept: application/json X-Api-Key: header-key-3
            Authorization: \(basic) decoded api-user:p4ss-word-1 url-pass-9 form-secret-5
            """
        let scrubbed = SecretMask(request: request).scrub(echo)
        for secret in ["query-key-7", "header-key-3", "p4ss-word-1", "url-pass-9", "form-secret-5", basic] {
            #expect(!scrubbed.contains(secret), "\(secret) in \(scrubbed)")
        }
        #expect(scrubbed.contains("Accept: application/json"))
    }
}
