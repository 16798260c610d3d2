/// Keeps credentials out of messages. A URL can carry them in its user information (`https://user:pass@host`), its
/// query (`?api_key=...`) and its fragment; an HTTP library's error text can repeat any of them, and those texts
/// reach the journal, `last_error`, the control API and reminders. Everything that quotes a URL or a transport's
/// error goes through here first.
public enum URLRedaction {
    /// What replaces a hidden part.
    public static let mask = "***"

    /// Parts shorter than this are not searched for in free text: a two-character "secret" protects nothing, and
    /// masking every "1" or "en" in a message would make it unreadable.
    static let shortestSecret = 3

    /// `scheme://host[:port]`, and nothing else of the URL: no user information, path, query or fragment.
    public static func origin(of url: String) -> String {
        let parts = URLParts(url)
        return (parts.scheme.map { $0 + "://" } ?? "") + parts.hostPort
    }

    /// `host[:port]` without user information: what a message names a server by.
    public static func authority(of url: String) -> String {
        URLParts(url).hostPort
    }

    /// The URL with its user information, query and fragment masked:
    /// `https://u:p@api.example.net/v1?key=k` → `https://***@api.example.net/v1?***`.
    public static func redacted(_ url: String) -> String {
        let parts = URLParts(url)
        var out = parts.scheme.map { $0 + "://" } ?? ""
        if parts.userInfo != nil { out += mask + "@" }
        out += parts.hostPort + parts.path
        if parts.query != nil { out += "?" + mask }
        if parts.fragment != nil { out += "#" + mask }
        return out
    }

    /// `text` with every credential-bearing part of `urls` masked (their user information, user name, password,
    /// query, each query value and fragment), and every URL written in `text` itself redacted.
    public static func scrub(_ text: String, hiding urls: [String]) -> String {
        var secrets: [String] = []
        for url in urls {
            let parts = URLParts(url)
            if let info = parts.userInfo {
                // The whole, the user and the password, each also decoded: libraries may print either form.
                for piece in [info] + info.split(separator: ":", maxSplits: 1).map(String.init) {
                    secrets += [piece, percentDecoded(piece)]
                }
            }
            for piece in [parts.query, parts.fragment].compactMap({ $0 }) {
                secrets.append(piece)
                for pair in piece.split(whereSeparator: { $0 == "&" || $0 == ";" }) {
                    let value = pair.split(separator: "=", maxSplits: 1).last.map(String.init) ?? ""
                    secrets += [value, percentDecoded(value)]
                }
            }
        }
        var out = redactingEmbeddedURLs(text)
        // Longest first, so that a value inside a longer secret does not leave the rest of it behind.
        for secret in Set(secrets).filter({ $0.count >= shortestSecret }).sorted(by: { $0.count > $1.count }) {
            out = out.replacing(secret, with: mask)
        }
        return out
    }

    /// Redacts every `scheme://...` written in `text`, up to the next space, quote or angle bracket (over-masking a
    /// closing parenthesis is harmless; stopping early at a character a hostile URL may contain is not).
    static func redactingEmbeddedURLs(_ text: String) -> String {
        var out = ""
        var rest = Substring(text)
        while let marker = rest.firstRange(of: "://") {
            // The scheme: the letters, digits, `+`, `-` and `.` right before `://`.
            var schemeStart = marker.lowerBound
            while schemeStart > rest.startIndex {
                let before = rest[rest.index(before: schemeStart)]
                guard before.isASCII, before.isLetter || before.isNumber || "+-.".contains(before) else { break }
                schemeStart = rest.index(before: schemeStart)
            }
            let end = rest[marker.upperBound...].firstIndex { isURLTerminator($0) } ?? rest.endIndex
            out += rest[..<schemeStart]
            out += redacted(String(rest[schemeStart..<end]))
            rest = rest[end...]
        }
        return out + rest
    }

    private static func isURLTerminator(_ c: Character) -> Bool {
        c.isWhitespace || c == "\"" || c == "'" || c == "<" || c == ">"
    }

    /// `%41` and `+` decoded, as a form or a URL's user information writes them (also `SecretMask`'s reading of
    /// the secrets a request carries).
    package static func percentDecoded(_ text: String) -> String {
        var bytes: [UInt8] = []
        var utf8 = Array(text.utf8)[...]
        while let byte = utf8.popFirst() {
            if byte == UInt8(ascii: "%"), utf8.count >= 2,
                let value = UInt8(String(decoding: utf8.prefix(2), as: UTF8.self), radix: 16)
            {
                bytes.append(value)
                utf8 = utf8.dropFirst(2)
            } else {
                bytes.append(byte == UInt8(ascii: "+") ? UInt8(ascii: " ") : byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
