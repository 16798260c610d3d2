import CCurlShim
import Glibc

/// One request on one libcurl easy handle, run start to end on its worker thread: options, the blocking
/// `curl_easy_perform`, and the callbacks that collect the answer within its limits.
final class CurlExchange {
    private let request: CurlRequest
    private let library: CurlLibrary
    private let call: CurlCall
    private var body: [UInt8] = []
    private var headers: [HTTPHeader] = []
    private var headerBytes = 0
    /// Set when a callback stopped the transfer because the answer outgrew its limit.
    private var overflow: String?

    /// Response headers beyond this many bytes are refused, like an oversized body.
    static let maxHeaderBytes = 64 * 1024

    init(_ request: CurlRequest, library: CurlLibrary, call: CurlCall) {
        self.request = request
        self.library = library
        self.call = call
    }

    func run() -> CurlCall.Outcome {
        let api = library.api
        guard let handle = ccurl_easy_init(api) else {
            return .failure(HTTPTransportError(.io, "libcurl could not make a handle (out of memory?)"))
        }
        var headerList: OpaquePointer?
        let errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CCURL_ERROR_SIZE) + 1)
        errorBuffer.initialize(repeating: 0, count: Int(CCURL_ERROR_SIZE) + 1)
        // Always a valid pointer, even for an empty body: libcurl would read stdin for a NULL POSTFIELDS.
        let bodyBytes = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(1, request.body?.count ?? 0))
        _ = bodyBytes.initialize(from: request.body ?? [])
        defer {
            ccurl_easy_cleanup(api, handle)
            ccurl_slist_free_all(api, headerList)
            errorBuffer.deallocate()
            bodyBytes.deallocate()
        }
        for line in request.headerLines {
            guard let appended = ccurl_slist_append(api, headerList, line) else {
                return .failure(HTTPTransportError(.io, "libcurl could not store a header (out of memory?)"))
            }
            headerList = appended
        }
        let me = Unmanaged.passUnretained(self).toOpaque()
        var options: [(String, (OpaquePointer) -> Int32)] = [
            ("URL", { ccurl_setopt_pointer(api, $0, CCURLOPT_URL, self.request.url) }),
            ("ERRORBUFFER", { ccurl_setopt_pointer(api, $0, CCURLOPT_ERRORBUFFER, errorBuffer) }),
            // No SIGALRM for name resolution timeouts: this is one thread among many.
            ("NOSIGNAL", { ccurl_setopt_long(api, $0, CCURLOPT_NOSIGNAL, 1) }),
            // A 3xx is an answer; the caller decides (channels reject it, naming the final URL to use).
            ("FOLLOWLOCATION", { ccurl_setopt_long(api, $0, CCURLOPT_FOLLOWLOCATION, 0) }),
            ("CONNECTTIMEOUT_MS",
                { ccurl_setopt_long(api, $0, CCURLOPT_CONNECTTIMEOUT_MS, self.request.connectTimeoutMilliseconds) }
            ),
            ("TIMEOUT_MS",
                { ccurl_setopt_long(api, $0, CCURLOPT_TIMEOUT_MS, self.request.totalTimeoutMilliseconds) }
            ),
            ("WRITEFUNCTION", { ccurl_setopt_write(api, $0, CCURLOPT_WRITEFUNCTION, onBody) }),
            ("WRITEDATA", { ccurl_setopt_pointer(api, $0, CCURLOPT_WRITEDATA, me) }),
            ("HEADERFUNCTION",
                { ccurl_setopt_write(api, $0, CCURLOPT_HEADERFUNCTION, onHeader) }
            ),
            ("HEADERDATA", { ccurl_setopt_pointer(api, $0, CCURLOPT_HEADERDATA, me) }),
            ("NOPROGRESS", { ccurl_setopt_long(api, $0, CCURLOPT_NOPROGRESS, 0) }),
            ("XFERINFOFUNCTION",
                { ccurl_setopt_xferinfo(api, $0, CCURLOPT_XFERINFOFUNCTION, onProgress) }
            ),
            ("XFERINFODATA", { ccurl_setopt_pointer(api, $0, CCURLOPT_XFERINFODATA, me) }),
            ("HTTPHEADER", { ccurl_setopt_pointer(api, $0, CCURLOPT_HTTPHEADER, UnsafeRawPointer(headerList)) }),
        ]
        if request.maxResponseBytes > 0 {
            // Refuses at once an answer whose Content-Length is over the limit (0 would mean "no limit").
            options.append(
                ("MAXFILESIZE_LARGE",
                    { ccurl_setopt_off(api, $0, CCURLOPT_MAXFILESIZE_LARGE, Int64(self.request.maxResponseBytes)) }
                )
            )
        }
        if let requestBody = request.body {
            options.append(
                ("POSTFIELDSIZE_LARGE",
                    { ccurl_setopt_off(api, $0, CCURLOPT_POSTFIELDSIZE_LARGE, Int64(requestBody.count)) }
                )
            )
            options.append(
                ("POSTFIELDS",
                    { ccurl_setopt_pointer(api, $0, CCURLOPT_POSTFIELDS, bodyBytes.baseAddress) }
                )
            )
        }
        switch (request.method, request.body) {
        case ("GET", nil): options.append(("HTTPGET", { ccurl_setopt_long(api, $0, CCURLOPT_HTTPGET, 1) }))
        case ("HEAD", nil): options.append(("NOBODY", { ccurl_setopt_long(api, $0, CCURLOPT_NOBODY, 1) }))
        case ("POST", _): break
        default:
            options.append(
                ("CUSTOMREQUEST",
                    { ccurl_setopt_pointer(api, $0, CCURLOPT_CUSTOMREQUEST, self.request.method) }
                )
            )
        }
        for (name, set) in options {
            let code = set(handle)
            guard code == CCURLE_OK else {
                return .failure(HTTPTransportError(.io, "libcurl refused CURLOPT_\(name): \(library.describe(code))"))
            }
        }
        if let failure = restrictProtocols(handle) { return .failure(failure) }

        let code = ccurl_easy_perform(api, handle)
        guard code == CCURLE_OK else {
            let said = errorBuffer.pointee == 0 ? library.describe(code) : String(cString: errorBuffer)
            return .failure(failure(code, said: said))
        }
        var status = 0
        _ = ccurl_getinfo_long(api, handle, CCURLINFO_RESPONSE_CODE, &status)
        guard (100...999).contains(status) else {
            return .failure(HTTPTransportError(.io, "the server's answer had no HTTP status"))
        }
        return .success(HTTPResponseSpec(status: status, headers: headers, body: body))
    }

    /// http and https only, so a URL (or a future redirect) can never reach file://, gopher:// or smtp://.
    /// CURLOPT_PROTOCOLS_STR is libcurl 7.85+; older ones take the bit mask.
    private func restrictProtocols(_ handle: OpaquePointer) -> HTTPTransportError? {
        var code = ccurl_setopt_pointer(library.api, handle, CCURLOPT_PROTOCOLS_STR, "http,https")
        if code == CCURLE_UNKNOWN_OPTION {
            code = ccurl_setopt_long(library.api, handle, CCURLOPT_PROTOCOLS, Int(CCURLPROTO_HTTP_HTTPS))
        }
        guard code == CCURLE_OK else {
            return HTTPTransportError(.io, "libcurl refused to limit protocols: \(library.describe(code))")
        }
        return nil
    }

    /// A libcurl failure as a stable code, its text cleaned of anything credential-like.
    private func failure(_ code: Int32, said: String) -> HTTPTransportError {
        if call.isCancelled { return CurlCall.cancellation }
        if let overflow { return HTTPTransportError(.tooLarge, overflow) }
        if code == CCURLE_FILESIZE_EXCEEDED {
            return HTTPTransportError(.tooLarge, "response larger than \(request.maxResponseBytes) bytes")
        }
        return HTTPTransportError(CurlFailure.code(code), CurlFailure.clean(said, url: request.url))
    }

    fileprivate func receiveBody(_ data: UnsafeMutablePointer<CChar>?, _ count: Int) -> Int {
        guard count > 0, let data else { return 0 }
        guard count <= request.maxResponseBytes - body.count else {
            overflow = "response larger than \(request.maxResponseBytes) bytes"
            return 0  // not `count`: libcurl stops with CURLE_WRITE_ERROR
        }
        data.withMemoryRebound(to: UInt8.self, capacity: count) {
            body.append(contentsOf: UnsafeBufferPointer(start: $0, count: count))
        }
        return count
    }

    fileprivate func receiveHeader(_ data: UnsafeMutablePointer<CChar>?, _ count: Int) -> Int {
        guard count > 0, let data else { return 0 }
        headerBytes += count
        guard headerBytes <= Self.maxHeaderBytes else {
            overflow = "response headers larger than \(Self.maxHeaderBytes) bytes"
            return 0
        }
        let line = data.withMemoryRebound(to: UInt8.self, capacity: count) {
            String(decoding: UnsafeBufferPointer(start: $0, count: count), as: UTF8.self)
        }
        if line.hasPrefix("HTTP/") {
            // A status line starts a new header block: only the final answer's headers count, not those of a
            // "100 Continue" or a proxy's CONNECT reply.
            headers = []
        } else if let colon = line.firstIndex(of: ":") {
            let name = line[..<colon].trimmingCharacters
            let value = line[line.index(after: colon)...].trimmingCharacters
            if !name.isEmpty { headers.append(HTTPHeader(name, value)) }
        }
        return count
    }

    fileprivate var isCancelled: Bool { call.isCancelled }
}

// The C callbacks: `user` is the exchange, kept alive by `run` for the whole transfer.

private func onBody(_ data: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int, _ user: UnsafeMutableRawPointer?)
    -> Int
{
    guard let user else { return 0 }
    let (bytes, overflowed) = size.multipliedReportingOverflow(by: count)
    guard !overflowed else { return 0 }
    return Unmanaged<CurlExchange>.fromOpaque(user).takeUnretainedValue().receiveBody(data, bytes)
}

private func onHeader(
    _ data: UnsafeMutablePointer<CChar>?,
    _ size: Int,
    _ count: Int,
    _ user: UnsafeMutableRawPointer?
) -> Int {
    guard let user else { return 0 }
    let (bytes, overflowed) = size.multipliedReportingOverflow(by: count)
    guard !overflowed else { return 0 }
    return Unmanaged<CurlExchange>.fromOpaque(user).takeUnretainedValue().receiveHeader(data, bytes)
}

private func onProgress(_ user: UnsafeMutableRawPointer?, _: Int64, _: Int64, _: Int64, _: Int64) -> Int32 {
    guard let user else { return 1 }
    return Unmanaged<CurlExchange>.fromOpaque(user).takeUnretainedValue().isCancelled ? 1 : 0
}

extension Substring {
    /// Without surrounding spaces, tabs, CR and LF.
    fileprivate var trimmingCharacters: String {
        var s = self
        while let c = s.first, c == " " || c == "\t" || c == "\r\n" || c == "\n" || c == "\r" { s = s.dropFirst() }
        while let c = s.last, c == " " || c == "\t" || c == "\r\n" || c == "\n" || c == "\r" { s = s.dropLast() }
        return String(s)
    }
}
