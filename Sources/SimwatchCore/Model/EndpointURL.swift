/// An `http` or `https` URL for a webhook or an ntfy topic, checked once at load: `https` is required unless the
/// host is loopback (127.0.0.0/8, `::1`, `localhost`), and credentials in the URL are refused (they would end up in
/// logs); use `secret_file` or `token_file` instead.
public struct EndpointURL: Sendable, Hashable, CustomStringConvertible {
    /// The URL as written.
    public var text: String
    public var scheme: String
    /// Host without brackets: "ntfy.sh", "127.0.0.1", "::1".
    public var host: String
    public var port: Int?

    /// Parses `text`; the error's message says what is wrong.
    public init(parsing text: String) throws(UnitParseError) {
        guard let schemeEnd = text.firstRange(of: "://") else {
            throw UnitParseError(input: text, message: "`\(text)` is not a URL", hint: "write https://host/path")
        }
        let scheme = text[..<schemeEnd.lowerBound].lowercased()
        guard scheme == "https" || scheme == "http" else {
            throw UnitParseError(
                input: text,
                message: "URL scheme `\(scheme)` is not http or https",
                hint: "write https://host/path"
            )
        }
        guard !text.unicodeScalars.contains(where: { $0.value <= 0x20 || $0.value == 0x7F }) else {
            throw UnitParseError(
                input: text,
                message: "the URL contains spaces or control characters",
                hint: "percent-encode them"
            )
        }
        let rest = text[schemeEnd.upperBound...]
        let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        if authority.contains("@") {
            throw UnitParseError(
                input: text,
                message: "the URL carries credentials",
                hint: "they would show in logs; use secret_file, token_file or credential instead"
            )
        }
        var host = Substring(authority)
        var port: Int?
        if host.hasPrefix("[") {
            guard let close = host.firstIndex(of: "]") else {
                throw UnitParseError(input: text, message: "unclosed `[` in the URL host")
            }
            let after = host[host.index(after: close)...]
            if after.hasPrefix(":") { port = Int(after.dropFirst()) ?? -1 }
            host = host[host.index(after: host.startIndex)..<close]
        } else if let colon = host.lastIndex(of: ":") {
            port = Int(host[host.index(after: colon)...]) ?? -1
            host = host[..<colon]
        }
        guard !host.isEmpty else {
            throw UnitParseError(input: text, message: "the URL has no host", hint: "write https://host/path")
        }
        if let port, !(1...65535).contains(port) {
            throw UnitParseError(input: text, message: "the URL's port is not 1...65535")
        }
        self.text = text
        self.scheme = scheme
        self.host = host.lowercased()
        self.port = port
        if scheme == "http", !isLoopback {
            throw UnitParseError(
                input: text,
                message: "plain http is allowed only to this machine (127.0.0.0/8, ::1, localhost)",
                hint: "use https://"
            )
        }
    }

    /// True for 127.0.0.0/8, `::1` and `localhost`.
    public var isLoopback: Bool {
        if host == "localhost" || host == "::1" || host == "0:0:0:0:0:0:0:1" { return true }
        let octets = host.split(separator: ".", omittingEmptySubsequences: false)
        return octets.count == 4 && octets[0] == "127" && octets.allSatisfy { UInt8($0) != nil }
    }

    public var description: String { text }
}
