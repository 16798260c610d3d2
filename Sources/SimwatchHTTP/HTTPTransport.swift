/// One outbound HTTP request, as adapters describe it. Nothing here follows redirects: a 3xx is an answer.
public struct HTTPRequestSpec: Sendable, Hashable {
    public var method: String
    public var url: String
    public var headers: [HTTPHeader]
    public var body: [UInt8]?
    /// Seconds to establish the connection (TCP and TLS).
    public var connectTimeout: Double
    /// Seconds for the whole exchange, body included.
    public var totalTimeout: Double
    /// Largest response body read; a longer one is an error (`HTTPTransportError.Code.tooLarge`).
    public var maxResponseBytes: Int

    public init(
        method: String = "GET",
        url: String,
        headers: [HTTPHeader] = [],
        body: [UInt8]? = nil,
        connectTimeout: Double = 10,
        totalTimeout: Double = 30,
        maxResponseBytes: Int = 1 << 20
    ) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.connectTimeout = connectTimeout
        self.totalTimeout = totalTimeout
        self.maxResponseBytes = maxResponseBytes
    }
}

public struct HTTPHeader: Sendable, Hashable {
    public var name: String
    public var value: String

    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}

/// What came back.
public struct HTTPResponseSpec: Sendable, Hashable {
    public var status: Int
    public var headers: [HTTPHeader]
    public var body: [UInt8]

    public init(status: Int, headers: [HTTPHeader], body: [UInt8]) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// The first header of that name (case-insensitive).
    public func header(_ name: String) -> String? {
        let wanted = name.lowercased()
        return headers.first { $0.name.lowercased() == wanted }?.value
    }

    public var bodyText: String { String(decoding: body, as: UTF8.self) }
}

/// A failed exchange (no HTTP status to speak of), with a stable code.
public struct HTTPTransportError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Code: String, Sendable, Hashable {
        case invalidURL = "invalid_url"
        /// No network between here and the host: its name does not resolve, no route, the connection was refused or
        /// closed without a word (a captive portal). A channel counts it as offline.
        case unreachable
        /// The connection was made but could not be used: TLS (a certificate, a cipher) or the proxy.
        case connect
        case timeout
        case tooLarge = "too_large"
        case io
    }

    public var code: Code
    public var detail: String

    public init(_ code: Code, _ detail: String) {
        self.code = code
        self.detail = detail
    }

    public var description: String { "\(code.rawValue): \(detail)" }
}

/// Sends HTTP requests. Adapters take this protocol so tests can hand them a local server's transport.
public protocol HTTPTransport: Sendable {
    func send(_ request: HTTPRequestSpec) async throws(HTTPTransportError) -> HTTPResponseSpec
}
