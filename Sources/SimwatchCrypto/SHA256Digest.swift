/// SHA-256 over data fed in pieces (a receipt read a block at a time), from the system's libcrypto.
public final class SHA256Digest {
    private let library: LibCrypto
    private var context: OpaquePointer?

    public init() throws(CryptoLibraryError) {
        library = try LibCrypto.shared().get()
        guard let context = library.digest.new() else { throw CryptoLibraryError("EVP_MD_CTX_new failed") }
        self.context = context
        guard library.digest.initialize(context, library.sha256, nil) == 1 else {
            throw CryptoLibraryError("EVP_DigestInit_ex failed")
        }
    }

    deinit {
        if let context { library.digest.free(context) }
    }

    /// Adds `bytes`.
    public func update(_ bytes: UnsafeRawBufferPointer) throws(CryptoLibraryError) {
        guard let context else { throw CryptoLibraryError("the digest is finished") }
        guard let base = bytes.baseAddress, bytes.count > 0 else { return }
        guard library.digest.update(context, base, bytes.count) == 1 else {
            throw CryptoLibraryError("EVP_DigestUpdate failed")
        }
    }

    /// The digest, lowercase hex; the digest cannot be fed after this.
    public func finish() throws(CryptoLibraryError) -> String {
        guard let context else { throw CryptoLibraryError("the digest is finished") }
        var out = [UInt8](repeating: 0, count: 64)
        var length: UInt32 = 0
        let ok = out.withUnsafeMutableBufferPointer { library.digest.final(context, $0.baseAddress!, &length) }
        library.digest.free(context)
        self.context = nil
        guard ok == 1, length == 32 else { throw CryptoLibraryError("EVP_DigestFinal_ex failed") }
        let digits = Array("0123456789abcdef".utf8)
        var hex: [UInt8] = []
        for byte in out.prefix(32) {
            hex.append(digits[Int(byte >> 4)])
            hex.append(digits[Int(byte & 0xF)])
        }
        return String(decoding: hex, as: UTF8.self)
    }
}
