import Glibc
import Synchronization

/// The system's OpenSSL libcrypto (libcrypto.so.3), opened with dlopen on first use rather than linked, so the
/// binary carries no TLS or crypto library of its own and security fixes come from the distribution. Only the
/// one-shot `HMAC` and `EVP_sha256` are used.
final class LibCrypto: @unchecked Sendable {
    // @unchecked: both are set once in init and only called after; the library is never closed.
    let hmac: HMACFunction
    let sha256: OpaquePointer
    let digest: DigestFunctions

    /// `unsigned char *HMAC(const EVP_MD *, const void *key, int key_len, const unsigned char *data, size_t
    /// data_len, unsigned char *md, unsigned int *md_len)`: NULL on failure.
    typealias HMACFunction =
        @convention(c) (
            OpaquePointer, UnsafeRawPointer, Int32, UnsafePointer<UInt8>, Int, UnsafeMutablePointer<UInt8>,
            UnsafeMutablePointer<UInt32>
        ) -> UnsafeMutablePointer<UInt8>?
    /// `const EVP_MD *EVP_sha256(void)`.
    typealias DigestFunction = @convention(c) () -> OpaquePointer?

    /// The streaming digest calls: `EVP_MD_CTX_new`, `EVP_DigestInit_ex`, `EVP_DigestUpdate`, `EVP_DigestFinal_ex`,
    /// `EVP_MD_CTX_free`.
    struct DigestFunctions {
        let new: @convention(c) () -> OpaquePointer?
        let initialize: @convention(c) (OpaquePointer, OpaquePointer, OpaquePointer?) -> Int32
        let update: @convention(c) (OpaquePointer, UnsafeRawPointer, Int) -> Int32
        let final: @convention(c) (OpaquePointer, UnsafeMutablePointer<UInt8>, UnsafeMutablePointer<UInt32>?) -> Int32
        let free: @convention(c) (OpaquePointer) -> Void
    }

    /// OpenSSL 3's soname (Debian 12, Ubuntu 22.04 and later).
    static let soname = "libcrypto.so.3"

    private static let opened = Mutex<LibCrypto?>(nil)

    /// The library, opened by the first call that finds it and never closed. A failure is not kept: once libssl3 is
    /// installed, the next reload finds it.
    static func shared() -> Result<LibCrypto, CryptoLibraryError> {
        opened.withLock { opened in
            if let opened { return .success(opened) }
            let result = load(soname)
            if case .success(let library) = result { opened = library }
            return result
        }
    }

    private init(hmac: HMACFunction, sha256: OpaquePointer, digest: DigestFunctions) {
        self.hmac = hmac
        self.sha256 = sha256
        self.digest = digest
    }

    /// Opens `soname`; the error names the package that provides it.
    static func load(_ soname: String) -> Result<LibCrypto, CryptoLibraryError> {
        guard let library = dlopen(soname, RTLD_NOW | RTLD_LOCAL) else {
            let why = dlerror().map { String(cString: $0) } ?? "dlopen failed"
            return .failure(CryptoLibraryError("\(soname) not found: install libssl3 (apt install libssl3); \(why)"))
        }
        guard let hmac = dlsym(library, "HMAC"), let digest = dlsym(library, "EVP_sha256") else {
            dlclose(library)
            return .failure(CryptoLibraryError("\(soname) has no HMAC or EVP_sha256"))
        }
        guard let sha256 = unsafeBitCast(digest, to: DigestFunction.self)() else {
            dlclose(library)
            return .failure(CryptoLibraryError("\(soname) offers no SHA-256"))
        }
        guard let new = dlsym(library, "EVP_MD_CTX_new"), let initialize = dlsym(library, "EVP_DigestInit_ex"),
            let update = dlsym(library, "EVP_DigestUpdate"), let final = dlsym(library, "EVP_DigestFinal_ex"),
            let free = dlsym(library, "EVP_MD_CTX_free")
        else {
            dlclose(library)
            return .failure(CryptoLibraryError("\(soname) has no EVP digest functions"))
        }
        let functions = DigestFunctions(
            new: unsafeBitCast(new, to: (@convention(c) () -> OpaquePointer?).self),
            initialize: unsafeBitCast(
                initialize,
                to: (@convention(c) (OpaquePointer, OpaquePointer, OpaquePointer?) -> Int32).self
            ),
            update: unsafeBitCast(update, to: (@convention(c) (OpaquePointer, UnsafeRawPointer, Int) -> Int32).self),
            final: unsafeBitCast(
                final,
                to: (@convention(c) (OpaquePointer, UnsafeMutablePointer<UInt8>, UnsafeMutablePointer<UInt32>?) -> Int32)
                    .self
            ),
            free: unsafeBitCast(free, to: (@convention(c) (OpaquePointer) -> Void).self)
        )
        return .success(
            LibCrypto(hmac: unsafeBitCast(hmac, to: HMACFunction.self), sha256: sha256, digest: functions)
        )
    }
}
