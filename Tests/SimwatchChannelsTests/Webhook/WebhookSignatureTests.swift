import FoundationEssentials
import SimwatchCore
import Testing

@testable import SimwatchChannels

@Suite struct WebhookSignatureTests {
    @Test func standardWebhooksVector() throws {
        // From the Standard Webhooks specification.
        let signer = try WebhookSignature(secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
        let signature = try signer.sign(
            id: "msg_p5jXN8AQM9LWM0D4loKWxJek",
            timestamp: 1_614_265_330,
            body: Array(#"{"test": 2432232314}"#.utf8)
        )
        #expect(signature == "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")
        #expect(throws: WebhookSignature.InvalidSecret.self) { _ = try WebhookSignature(secret: "whsec_c2hvcnQ=") }
    }
}
