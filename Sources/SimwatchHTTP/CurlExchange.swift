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
        do {
            try configure(handle, headers: headerList, errors: errorBuffer, body: bodyBytes)
        } catch {
            return .failure(error)
        }

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

    /// Every option, checked: a libcurl that refuses one of these limits must not run the request without it.
    private func configure(
        _ handle: OpaquePointer,
        headers: OpaquePointer?,
        errors: UnsafeMutablePointer<CChar>,
        body: UnsafeMutableBufferPointer<UInt8>
    ) throws(HTTPTransportError) {
        let api = library.api
        let me = Unmanaged.passUnretained(self).toOpaque()
        try check("URL", ccurl_setopt_pointer(api, handle, CCURLOPT_URL, request.url))
        try check("ERRORBUFFER", ccurl_setopt_pointer(api, handle, CCURLOPT_ERRORBUFFER, errors))
        // No SIGALRM for name resolution timeouts: this is one thread among many.
        try check("NOSIGNAL", ccurl_setopt_long(api, handle, CCURLOPT_NOSIGNAL, 1))
        // A 3xx is an answer; the caller decides (channels reject it, naming the final URL to use).
        try check("FOLLOWLOCATION", ccurl_setopt_long(api, handle, CCURLOPT_FOLLOWLOCATION, 0))
        try restrictProtocols(handle)
        let connectTimeout = request.connectTimeoutMilliseconds
        try check("CONNECTTIMEOUT_MS", ccurl_setopt_long(api, handle, CCURLOPT_CONNECTTIMEOUT_MS, connectTimeout))
        try check("TIMEOUT_MS", ccurl_setopt_long(api, handle, CCURLOPT_TIMEOUT_MS, request.totalTimeoutMilliseconds))
        try check("WRITEFUNCTION", ccurl_setopt_write(api, handle, CCURLOPT_WRITEFUNCTION, onBody))
        try check("WRITEDATA", ccurl_setopt_pointer(api, handle, CCURLOPT_WRITEDATA, me))
        try check("HEADERFUNCTION", ccurl_setopt_write(api, handle, CCURLOPT_HEADERFUNCTION, onHeader))
        try check("HEADERDATA", ccurl_setopt_pointer(api, handle, CCURLOPT_HEADERDATA, me))
        // The progress callback is where cancellation is noticed.
        try check("NOPROGRESS", ccurl_setopt_long(api, handle, CCURLOPT_NOPROGRESS, 0))
        try check("XFERINFOFUNCTION", ccurl_setopt_xferinfo(api, handle, CCURLOPT_XFERINFOFUNCTION, onProgress))
        try check("XFERINFODATA", ccurl_setopt_pointer(api, handle, CCURLOPT_XFERINFODATA, me))
        try check("HTTPHEADER", ccurl_setopt_pointer(api, handle, CCURLOPT_HTTPHEADER, UnsafeRawPointer(headers)))
        if request.maxResponseBytes > 0 {
            // Refuses at once an answer whose Content-Length is over the limit (0 would mean "no limit").
            let limit = Int64(request.maxResponseBytes)
            try check("MAXFILESIZE_LARGE", ccurl_setopt_off(api, handle, CCURLOPT_MAXFILESIZE_LARGE, limit))
        }
        if let requestBody = request.body {
            let size = Int64(requestBody.count)
            try check("POSTFIELDSIZE_LARGE", ccurl_setopt_off(api, handle, CCURLOPT_POSTFIELDSIZE_LARGE, size))
            try check("POSTFIELDS", ccurl_setopt_pointer(api, handle, CCURLOPT_POSTFIELDS, body.baseAddress))
        }
        switch (request.method, request.body) {
        case ("GET", nil): try check("HTTPGET", ccurl_setopt_long(api, handle, CCURLOPT_HTTPGET, 1))
        case ("HEAD", nil): try check("NOBODY", ccurl_setopt_long(api, handle, CCURLOPT_NOBODY, 1))
        case ("POST", _): break
        default: try check("CUSTOMREQUEST", ccurl_setopt_pointer(api, handle, CCURLOPT_CUSTOMREQUEST, request.method))
        }
    }

    private func check(_ option: String, _ code: Int32) throws(HTTPTransportError) {
        guard code == CCURLE_OK else {
            throw HTTPTransportError(.io, "libcurl refused CURLOPT_\(option): \(library.describe(code))")
        }
    }

    /// http and https only, so a URL (or a future redirect) can never reach file://, gopher:// or smtp://.
    /// CURLOPT_PROTOCOLS_STR is libcurl 7.85+; older ones take the bit mask.
    private func restrictProtocols(_ handle: OpaquePointer) throws(HTTPTransportError) {
        let code = ccurl_setopt_pointer(library.api, handle, CCURLOPT_PROTOCOLS_STR, "http,https")
        guard code == CCURLE_UNKNOWN_OPTION else { return try check("PROTOCOLS_STR", code) }
        try check("PROTOCOLS", ccurl_setopt_long(library.api, handle, CCURLOPT_PROTOCOLS, Int(CCURLPROTO_HTTP_HTTPS)))
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
            let name = line[..<colon].withoutSurroundingSpace
            let value = line[line.index(after: colon)...].withoutSurroundingSpace
            if !name.isEmpty { headers.append(HTTPHeader(name, value)) }
        }
        return count
    }

    fileprivate var isCancelled: Bool { call.isCancelled }
}

// The C callbacks: `user` is the exchange, kept alive by `run` for the whole transfer.

private func onBody(_ data: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int, _ user: RawUser) -> Int {
    receiver(user, size, count).map { $0.receiveBody(data, $1) } ?? 0
}

private func onHeader(_ data: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int, _ user: RawUser) -> Int {
    receiver(user, size, count).map { $0.receiveHeader(data, $1) } ?? 0
}

/// A callback's `user` as curl hands it over.
private typealias RawUser = UnsafeMutableRawPointer?

/// The exchange behind a write callback's `user`, and the callback's `size` × `count` bytes; nil (the callback
/// then returns 0, which stops the transfer) without an exchange or when the product overflows.
private func receiver(_ user: RawUser, _ size: Int, _ count: Int) -> (CurlExchange, Int)? {
    guard let user else { return nil }
    let (bytes, overflowed) = size.multipliedReportingOverflow(by: count)
    guard !overflowed else { return nil }
    return (Unmanaged<CurlExchange>.fromOpaque(user).takeUnretainedValue(), bytes)
}

private func onProgress(_ user: UnsafeMutableRawPointer?, _: Int64, _: Int64, _: Int64, _: Int64) -> Int32 {
    guard let user else { return 1 }
    return Unmanaged<CurlExchange>.fromOpaque(user).takeUnretainedValue().isCancelled ? 1 : 0
}

extension Substring {
    /// Without surrounding spaces, tabs, CR and LF.
    fileprivate var withoutSurroundingSpace: String {
        var s = self
        while let c = s.first, c == " " || c == "\t" || c == "\r\n" || c == "\n" || c == "\r" { s = s.dropFirst() }
        while let c = s.last, c == " " || c == "\t" || c == "\r\n" || c == "\n" || c == "\r" { s = s.dropLast() }
        return String(s)
    }
}
