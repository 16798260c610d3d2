import CCurlShim
import Glibc
import Synchronization

/// The system's libcurl, opened with dlopen on the first HTTP request rather than linked: a daemon without an
/// HTTP provider or channel never maps it, and TLS, the CA store and security fixes come from the distribution.
final class CurlLibrary: @unchecked Sendable {
    // @unchecked: `api` is written once by `load`, before the instance is shared, and only read after.
    let api: UnsafeMutablePointer<ccurl_api>

    /// The soname of libcurl's ABI since 2006.
    static let soname = "libcurl.so.4"

    private static let opened = Mutex<CurlLibrary?>(nil)

    /// The library, opened by the first call that finds it. Never closed: a cancelled request's thread may outlive
    /// its caller, and unloading TLS libraries is not safe. A failure is not kept: once libcurl4 is installed, the
    /// next request finds it, without a restart.
    static func shared() -> Result<CurlLibrary, HTTPTransportError> {
        opened.withLock { opened in
            if let opened { return .success(opened) }
            // With CURLOPT_NOSIGNAL libcurl leaves SIGPIPE alone, and TLS writes to a peer that hung up would kill
            // the daemon with it: ignore it, as the daemon does for its child processes.
            signal(SIGPIPE, SIG_IGN)
            let result = load(soname)
            if case .success(let library) = result { opened = library }
            return result
        }
    }

    private init(api: UnsafeMutablePointer<ccurl_api>) {
        self.api = api
    }

    /// Opens `soname`; the error says which package provides it.
    static func load(_ soname: String) -> Result<CurlLibrary, HTTPTransportError> {
        let api = UnsafeMutablePointer<ccurl_api>.allocate(capacity: 1)
        var message = [CChar](repeating: 0, count: 512)
        let status = ccurl_api_load(api, soname, &message, message.count)
        guard status == 0 else {
            api.deallocate()
            let why = String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            if status == -1 {
                return .failure(
                    HTTPTransportError(.io, "\(soname) not found: install libcurl4 (apt install libcurl4); \(why)")
                )
            }
            return .failure(HTTPTransportError(.io, "\(soname) is unusable: \(why)"))
        }
        return .success(CurlLibrary(api: api))
    }

    /// libcurl's fixed text for a CURLcode ("Timeout was reached").
    func describe(_ code: Int32) -> String {
        guard let text = ccurl_easy_strerror(api, code) else { return "libcurl error \(code)" }
        return String(cString: text)
    }
}
