/// A URL cut into the parts redaction cares about, without validating it: hostile or broken input still splits.
struct URLParts {
    var scheme: String?
    var userInfo: String?
    /// The host (IPv6 in brackets) and port as written.
    var hostPort: String
    var path: String
    var query: String?
    var fragment: String?

    init(_ url: String) {
        var rest = Substring(url)
        if let marker = rest.firstRange(of: "://") {
            scheme = String(rest[..<marker.lowerBound])
            rest = rest[marker.upperBound...]
        }
        if let hash = rest.firstIndex(of: "#") {
            fragment = String(rest[rest.index(after: hash)...])
            rest = rest[..<hash]
        }
        if let question = rest.firstIndex(of: "?") {
            query = String(rest[rest.index(after: question)...])
            rest = rest[..<question]
        }
        let slash = rest.firstIndex(of: "/") ?? rest.endIndex
        var authority = rest[..<slash]
        path = String(rest[slash...])
        // The last `@`: a password may contain an unescaped one.
        if let at = authority.lastIndex(of: "@") {
            userInfo = String(authority[..<at])
            authority = authority[authority.index(after: at)...]
        }
        hostPort = String(authority)
    }
}
