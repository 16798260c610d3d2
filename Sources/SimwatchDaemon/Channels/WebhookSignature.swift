import Crypto
import FoundationEssentials

/// Standard Webhooks signing (https://www.standardwebhooks.com): `webhook-signature: v1,<base64 HMAC-SHA256 of
/// "id.timestamp.body">`, keyed with the base64 secret after its `whsec_` prefix. HMAC comes from swift-crypto
/// (BoringSSL underneath), already part of the build through async-http-client.
struct WebhookSignature: Sendable {
    struct InvalidSecret: Error, Sendable, Hashable, CustomStringConvertible {
        var description: String {
            "the webhook secret must be `whsec_` followed by base64 of 24 to 64 random bytes"
        }
    }

    private let key: SymmetricKey

    /// `whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw` (the prefix may be left out).
    init(secret: String) throws(InvalidSecret) {
        let encoded = secret.hasPrefix("whsec_") ? String(secret.dropFirst(6)) : secret
        guard let bytes = Data(base64Encoded: encoded), (24...64).contains(bytes.count) else { throw InvalidSecret() }
        key = SymmetricKey(data: bytes)
    }

    /// The `webhook-signature` header value.
    func sign(id: String, timestamp: Int64, body: [UInt8]) -> String {
        var message = Array("\(id).\(timestamp).".utf8)
        message += body
        let mac = HMAC<SHA256>.authenticationCode(for: message, using: key)
        return "v1," + Data(mac).base64EncodedString()
    }
}
