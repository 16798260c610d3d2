/// What `{{name}}` does to a value before it goes into the output; `{{{name}}}` and `{{&name}}` never escape.
public enum MustacheEscaping: Sendable, Hashable {
    /// The Mustache specification's HTML escaping: `&`, `<`, `>` and `"` become entities.
    case html
    /// Plain text (mail, push and desktop bodies): values go in as they are.
    case none

    func apply(_ text: String) -> String {
        guard self == .html, text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 })
        else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
