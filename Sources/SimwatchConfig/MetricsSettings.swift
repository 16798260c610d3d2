/// `[metrics]`: the Prometheus metrics, off unless asked for. Served over HTTP (`listen`), written for
/// node_exporter's textfile collector (`textfile`), or both.
public struct MetricsSettings: Sendable, Hashable {
    /// Where `GET /metrics` is served: a loopback address unless `allowRemote`.
    public var listen: ListenAddress?
    /// The `.prom` file rewritten (temporary file, then rename) after what changes the metrics.
    public var textfile: String?
    /// `allow_remote = true`: `listen` may be an address other hosts reach. The metrics name lines and plans.
    public var allowRemote: Bool

    public init(listen: ListenAddress? = nil, textfile: String? = nil, allowRemote: Bool = false) {
        self.listen = listen
        self.textfile = textfile
        self.allowRemote = allowRemote
    }

    public var isEnabled: Bool { listen != nil || textfile != nil }

    /// `127.0.0.1:9787` or `[::1]:9787`: a numeric address (no name is looked up) and a port.
    public struct ListenAddress: Sendable, Hashable, CustomStringConvertible {
        /// "127.0.0.1" or "::1", without brackets.
        public var host: String
        public var port: Int
        public var isIPv6: Bool { host.contains(":") }

        /// Loopback: 127.0.0.0/8 or ::1.
        public var isLoopback: Bool {
            host == "::1" || host.split(separator: ".").first == "127"
        }

        public var description: String { isIPv6 ? "[\(host)]:\(port)" : "\(host):\(port)" }

        public init(host: String, port: Int) {
            self.host = host
            self.port = port
        }

        /// Why a text is no listen address.
        public struct Invalid: Error, Sendable {
            public var reason: String
            init(_ reason: String) { self.reason = reason }
        }

        /// Parses "HOST:PORT", or says why it is not one.
        public static func parse(_ text: String) -> Result<ListenAddress, Invalid> {
            let host: Substring
            let portText: Substring
            if text.hasPrefix("[") {
                guard let close = text.firstIndex(of: "]"), text[close...].hasPrefix("]:") else {
                    return .failure(Invalid("write [IPV6]:PORT, e.g. [::1]:9787"))
                }
                host = text[text.index(after: text.startIndex)..<close]
                portText = text[text.index(close, offsetBy: 2)...]
                guard !host.isEmpty, host.allSatisfy({ $0.isHexDigit || $0 == ":" }) else {
                    return .failure(Invalid("`\(host)` is not an IPv6 address"))
                }
            } else {
                guard let colon = text.lastIndex(of: ":") else {
                    return .failure(Invalid("missing the port, e.g. 127.0.0.1:9787"))
                }
                host = text[..<colon]
                portText = text[text.index(after: colon)...]
                let parts = host.split(separator: ".", omittingEmptySubsequences: false)
                guard parts.count == 4,
                    parts.allSatisfy({ part in
                        !part.isEmpty && part.count <= 3 && part.allSatisfy(\.isASCIIDigit) && Int(part)! <= 255
                    })
                else {
                    return .failure(Invalid("`\(host)` is not an IPv4 address (names are not looked up)"))
                }
            }
            guard portText.allSatisfy(\.isASCIIDigit), let port = Int(portText), (1...65535).contains(port) else {
                return .failure(Invalid("the port must be 1 ... 65535"))
            }
            return .success(ListenAddress(host: String(host), port: port))
        }
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
