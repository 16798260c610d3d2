/// An `HTTPRequestSpec` checked and turned into what libcurl takes, before any thread or socket: a malformed
/// request is a clear `invalidURL` error here, not a half-sent one. Every number is bounded, since libcurl reads a
/// zero timeout as "none".
struct CurlRequest: Sendable {
    var method: String
    var url: String
    /// "Name: value" lines, plus the lines that stop libcurl adding headers of its own.
    var headerLines: [String]
    var body: [UInt8]?
    var connectTimeoutMilliseconds: Int
    var totalTimeoutMilliseconds: Int
    var maxResponseBytes: Int

    /// The longest wait a request may ask for (a day): more is a mistake, and an unbounded wait a hung daemon.
    static let longestTimeoutMilliseconds = 86_400_000

    init(_ spec: HTTPRequestSpec) throws(HTTPTransportError) {
        try Self.check(url: spec.url)
        guard !spec.method.isEmpty, spec.method.utf8.allSatisfy(Self.isTokenByte) else {
            throw HTTPTransportError(.invalidURL, "invalid request: the method is not an HTTP token")
        }
        var lines: [String] = []
        for header in spec.headers {
            guard !header.name.isEmpty, header.name.utf8.allSatisfy(Self.isTokenByte) else {
                throw HTTPTransportError(.invalidURL, "invalid request: a header name is not an HTTP token")
            }
            // The value is never quoted: it is often a credential.
            guard !header.value.utf8.contains(where: { $0 == 0 || $0 == 10 || $0 == 13 }) else {
                throw HTTPTransportError(
                    .invalidURL,
                    "invalid request: header `\(header.name)` has a line break or NUL in its value"
                )
            }
            // "Name:" would tell libcurl to drop the header; "Name;" sends it empty.
            lines.append(header.value.isEmpty ? "\(header.name);" : "\(header.name): \(header.value)")
        }
        // A POST always has a body, if empty (Content-Length: 0).
        let body = spec.body ?? (spec.method == "POST" ? [] : nil)
        let named = Set(spec.headers.map { $0.name.lowercased() })
        // libcurl would otherwise wait for "100 Continue" before a large body, and label every body a form.
        if !named.contains("expect") { lines.append("Expect:") }
        if body != nil, !named.contains("content-type") { lines.append("Content-Type:") }
        method = spec.method
        url = spec.url
        headerLines = lines
        self.body = body
        connectTimeoutMilliseconds = Self.milliseconds(spec.connectTimeout)
        totalTimeoutMilliseconds = Self.milliseconds(spec.totalTimeout)
        maxResponseBytes = max(0, spec.maxResponseBytes)
    }

    /// Seconds to milliseconds within 1 ms ... a day; NaN becomes 1 ms (fails at once rather than never).
    static func milliseconds(_ seconds: Double) -> Int {
        guard !seconds.isNaN else { return 1 }
        let wanted = (seconds * 1000).rounded(.up)
        if wanted >= Double(longestTimeoutMilliseconds) { return longestTimeoutMilliseconds }
        return wanted < 1 ? 1 : Int(wanted)
    }

    /// Only `http://` and `https://` with a host, and no spaces or control characters (libcurl would cut a string
    /// at NUL). The error names the URL without its credentials.
    static func check(url: String) throws(HTTPTransportError) {
        let lowered = url.prefix(8).lowercased()
        guard lowered.hasPrefix("http://") || lowered.hasPrefix("https://") else {
            throw HTTPTransportError(
                .invalidURL,
                "only http:// and https:// URLs are allowed: \(URLRedaction.redacted(url))"
            )
        }
        guard !url.utf8.contains(where: { $0 <= 0x20 || $0 == 0x7F }) else {
            throw HTTPTransportError(.invalidURL, "the URL contains spaces or control characters")
        }
        let host = URLParts(url).hostPort
        guard !host.isEmpty, !host.hasPrefix(":") else {
            throw HTTPTransportError(.invalidURL, "the URL has no host: \(URLRedaction.redacted(url))")
        }
    }

    /// RFC 9110 token characters: letters, digits and !#$%&'*+-.^_`|~.
    static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        default:
            return Array("!#$%&'*+-.^_`|~".utf8).contains(byte)
        }
    }
}
