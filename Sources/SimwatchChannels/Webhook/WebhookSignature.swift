import FoundationEssentials
import SimwatchCore
import SimwatchCrypto

/// Standard Webhooks signing (https://www.standardwebhooks.com): `webhook-signature: v1,<base64 HMAC-SHA256 of
/// "id.timestamp.body">`, keyed with the base64 secret after its `whsec_` prefix. HMAC comes from the system's
/// libcrypto (`HMACSHA256`), opened when a signing channel is configured.
struct WebhookSignature: Sendable {
    struct InvalidSecret: Error, Sendable, Hashable, CustomStringConvertible {
        var description: String

        static let format = InvalidSecret(
            description: "the webhook secret must be `whsec_` followed by base64 of 24 to 64 random bytes"
        )
    }

    private let hmac: HMACSHA256

    /// `whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw` (the prefix may be left out). Also fails when libcrypto is missing,
    /// saying which package to install.
    init(secret: String) throws(InvalidSecret) {
        let encoded = secret.hasPrefix("whsec_") ? String(secret.dropFirst(6)) : secret
        guard let bytes = Data(base64Encoded: encoded), (24...64).contains(bytes.count) else { throw .format }
        do {
            hmac = try HMACSHA256(key: Array(bytes))
        } catch {
            throw InvalidSecret(description: error.description)
        }
    }

    /// The `webhook-signature` header value. Fails only if libcrypto fails inside (out of memory): a temporary
    /// delivery failure, retried like any other.
    func sign(id: String, timestamp: Int64, body: [UInt8]) throws(DeliveryError) -> String {
        var message = Array("\(id).\(timestamp).".utf8)
        message += body
        do {
            return "v1," + Data(try hmac.authenticationCode(for: message)).base64EncodedString()
        } catch {
            throw DeliveryError(.temporary, "cannot sign the webhook: \(error)")
        }
    }
}
