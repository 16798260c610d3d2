import CCurlShim
import Glibc

/// libcurl's failures in `HTTPTransportError`'s terms, and its error text made safe to log.
enum CurlFailure {
    /// The stable code for a CURLcode: a bad URL, no network (name, route, refused), no usable connection (TLS or
    /// proxy), a timeout, or anything else that broke the exchange.
    static func code(_ code: Int32) -> HTTPTransportError.Code {
        switch code {
        case CCURLE_URL_MALFORMAT:
            // (CURLE_UNSUPPORTED_PROTOCOL is not here: schemes are checked before libcurl sees the URL, so it means an
            // HTTP/0.9 answer or a libcurl built without https, neither of which the configuration can fix.)
            return .invalidURL
        case CCURLE_OPERATION_TIMEDOUT:
            return .timeout
        case CCURLE_FILESIZE_EXCEEDED:
            return .tooLarge
        case CCURLE_COULDNT_RESOLVE_PROXY, CCURLE_COULDNT_RESOLVE_HOST, CCURLE_COULDNT_CONNECT, CCURLE_GOT_NOTHING:
            // GOT_NOTHING: the server closed the connection without a word, as a refused one would.
            return .unreachable
        case CCURLE_SSL_CONNECT_ERROR, CCURLE_SSL_CERTPROBLEM, CCURLE_SSL_CIPHER, CCURLE_PEER_FAILED_VERIFICATION,
            CCURLE_SSL_CACERT_BADFILE, CCURLE_SSL_ISSUER_ERROR, CCURLE_SSL_PINNEDPUBKEYNOTMATCH,
            CCURLE_SSL_INVALIDCERTSTATUS, CCURLE_PROXY:
            return .connect
        default:
            return .io
        }
    }

    /// The proxy variables libcurl reads; their user:password must not show either.
    static let proxyVariables = ["http_proxy", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"]

    /// `text` (libcurl's error buffer) without the request URL's credentials or query, nor a proxy's credentials,
    /// on one line.
    static func clean(_ text: String, url: String) -> String {
        let proxies = proxyVariables.compactMap { getenv($0).map { String(cString: $0) } }
        let oneLine = String(text.map { $0.isNewline ? " " : $0 })
        return URLRedaction.scrub(oneLine, hiding: [url] + proxies)
    }
}
