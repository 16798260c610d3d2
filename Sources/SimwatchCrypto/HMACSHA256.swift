/// HMAC-SHA256 (RFC 2104) from the system's libcrypto, for Standard Webhooks signatures. Making one opens the
/// library (once per process), so a missing libcrypto shows when a signing channel is configured, not at its first
/// reminder.
public struct HMACSHA256: Sendable {
    private let key: [UInt8]
    private let library: LibCrypto

    /// The largest key OpenSSL's `int` length takes; webhook secrets are 24 to 64 bytes.
    static let maxKeyBytes = Int(Int32.max)

    public init(key: [UInt8]) throws(CryptoLibraryError) {
        guard key.count <= Self.maxKeyBytes else { throw CryptoLibraryError("HMAC key too long") }
        self.key = key
        library = try LibCrypto.shared().get()
    }

    /// The 32-byte code for `message`. Throws only if OpenSSL fails inside (out of memory).
    public func authenticationCode(for message: [UInt8]) throws(CryptoLibraryError) -> [UInt8] {
        var code = [UInt8](repeating: 0, count: 64)  // EVP_MAX_MD_SIZE
        var length: UInt32 = 0
        // Never NULL pointers, even for an empty key or message: OpenSSL reads a NULL key as "keep the last one".
        let keyBytes = key.isEmpty ? [0] : key
        let messageBytes = message.isEmpty ? [0] : message
        let done = keyBytes.withUnsafeBytes { keyPointer in
            messageBytes.withUnsafeBufferPointer { messagePointer in
                code.withUnsafeMutableBufferPointer { codePointer in
                    library.hmac(
                        library.sha256,
                        keyPointer.baseAddress!,
                        Int32(key.count),
                        messagePointer.baseAddress!,
                        message.count,
                        codePointer.baseAddress!,
                        &length
                    ) != nil
                }
            }
        }
        guard done, length == 32 else { throw CryptoLibraryError("libcrypto's HMAC-SHA256 failed") }
        return Array(code.prefix(32))
    }
}
