import FoundationEssentials
package import SimwatchCore
package import SimwatchHTTP

/// Keeps known secrets out of text that came from outside. A server's error page may echo the request (its
/// Authorization header, its form, its query) and a script may print the secret it was given on stdin; such text
/// reaches the log, `last_error`, the control API and reminders. Each secret is masked as written and in base64
/// (Basic credentials, a server that echoes a header encoded), longest first; URLs also go through `URLRedaction`.
package struct SecretMask: Sendable {
    private var secrets: Set<String> = []
    private var urls: [String] = []

    /// Headers that never carry a secret; every other header value of a request is masked.
    private static let plainHeaders: Set<String> = [
        "accept", "accept-language", "accept-encoding", "content-type", "content-length", "host", "user-agent",
    ]

    package init(_ secrets: [String] = []) {
        for secret in secrets { add(secret) }
    }

    /// The secrets a request carries: its URL's user information and query, its header values (those of
    /// `plainHeaders` aside, and Authorization's also without the scheme and decoded), and a form body's values.
    package init(request: HTTPRequestSpec) {
        urls = [request.url]
        if let info = Self.userInfo(of: request.url) {
            let decoded = URLRedaction.percentDecoded(info)
            add(decoded)
            add(info)
            if let password = decoded.split(separator: ":", maxSplits: 1).dropFirst().first { add(String(password)) }
        }
        for header in request.headers where !Self.plainHeaders.contains(header.name.lowercased()) {
            add(header.value)
            let words = header.value.split(separator: " ", maxSplits: 1)
            guard words.count == 2 else { continue }
            let credentials = String(words[1])
            add(credentials)
            if words[0].lowercased() == "basic", let data = Data(base64Encoded: credentials) {
                let pair = String(decoding: data, as: UTF8.self)
                add(pair)
                if let password = pair.split(separator: ":", maxSplits: 1).dropFirst().first { add(String(password)) }
            }
        }
        let form = request.headers.first { $0.name.lowercased() == "content-type" }?.value.lowercased() ?? ""
        if form.hasPrefix("application/x-www-form-urlencoded"), let body = request.body {
            for pair in String(decoding: body, as: UTF8.self).split(separator: "&") {
                guard let value = pair.split(separator: "=", maxSplits: 1).dropFirst().first else { continue }
                add(URLRedaction.percentDecoded(String(value)))
            }
        }
    }

    /// Adds one secret (surrounding spaces and newlines, as a secret file has, do not count). Shorter than three
    /// characters it is not searched for: masking every "1" would make messages unreadable and protect nothing.
    package mutating func add(_ secret: String) {
        let trimmed = secret.trimmingSpaces
        guard trimmed.count >= 3 else { return }
        secrets.insert(trimmed)
        let encoded = Data(trimmed.utf8).base64EncodedString()
        secrets.insert(encoded)
        // Without its padding: the same bytes, quoted by someone who strips "=".
        secrets.insert(String(encoded.reversed().drop { $0 == "=" }.reversed()))
    }

    /// `text` with every secret replaced by `URLRedaction.mask`.
    package func scrub(_ text: String) -> String {
        var out = URLRedaction.scrub(text, hiding: urls)
        for secret in secrets.sorted(by: { $0.count > $1.count }) {
            out = Self.masking(secret, in: out)
        }
        return out
    }

    /// A secret cut short by someone's preview ("Bearer TOKEN-SIM") still gives most of it away: a run of at
    /// least this many characters that starts like a secret is masked as far as it matches.
    package static let shortestPiece = 8

    /// `text` with `secret`, and every run of at least `shortestPiece` characters of its start, masked (a secret
    /// shorter than that only whole).
    package static func masking(_ secret: String, in text: String) -> String {
        let wanted = Array(secret)
        let piece = min(shortestPiece, wanted.count)
        guard let first = wanted.first, text.contains(first) else { return text }
        let chars = Array(text)
        var out = ""
        var i = 0
        while i < chars.count {
            var n = 0
            while i + n < chars.count, n < wanted.count, chars[i + n] == wanted[n] { n += 1 }
            if n >= piece {
                out += URLRedaction.mask
                i += n
            } else {
                out.append(chars[i])
                i += 1
            }
        }
        return out
    }

    /// The error with its message scrubbed.
    package func scrub(_ error: ProviderError) -> ProviderError {
        var scrubbed = error
        scrubbed.message = scrub(error.message)
        return scrubbed
    }

    /// `user:password` of `scheme://user:password@host/...`, as written.
    package static func userInfo(of url: String) -> String? {
        guard let start = url.firstRange(of: "://")?.upperBound else { return nil }
        let authority = url[start...].prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        guard let at = authority.lastIndex(of: "@") else { return nil }
        return String(authority[..<at])
    }
}
