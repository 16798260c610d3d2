/// Random templates and data for the differential test. Keys say their type (`s` strings, `n` numbers as text,
/// `b` booleans, `ls` lists of strings, `ld` lists of objects, `d` objects), so the generator only interpolates what
/// prints alike in every implementation (strings, numbers, misses) and leaves out what the specification leaves to
/// each language: printing booleans, lists or objects, and the truth of empty strings and objects.
struct TemplateFuzzer {
    enum Top {
        case object, string, bool
    }

    var rng: SplitMix64
    private var open = "{{"
    private var close = "}}"
    /// After a tag that can stand alone, blanks up to the line's end are where pystache departs from the
    /// specification (it keeps them), so text there does not start with a blank.
    private var afterQuietTag = false

    init(seed: UInt64) { rng = SplitMix64(seed: seed) }

    private static let textPieces = [
        "a", "b", "Zz", " ", "  ", "\t", "\n", "\n", "\r\n", "é", "🇫🇷", "&", "\"", "'", ".", "=",
    ]
    private static let valueCharacters = [
        "a", "b", "Z", " ", "&", "<", ">", "\"", "'", "é", "\n", "{", "}", "{{", "🇫🇷", ".",
    ]
    private static let delimiterPairs = [("{{", "}}"), ("<%", "%>"), ("[", "]"), ("{{", "}}")]

    // MARK: data

    mutating func data() -> JSONValue { object(depth: 0) }

    private mutating func object(depth: Int) -> JSONValue {
        var keys: [String: JSONValue] = [:]
        for key in ["s0", "s1", "s2", "n0", "b0", "b1", "ls0"] where chance(0.6) {
            keys[key] = value(for: key, depth: depth)
        }
        if depth < 3 {
            for key in ["ld0", "d0", "d1"] where chance(0.5) { keys[key] = value(for: key, depth: depth) }
        }
        // Never empty: pystache takes an empty dict as false, the specification does not.
        if keys.isEmpty { keys["s0"] = value(for: "s0", depth: depth) }
        return .object(keys)
    }

    private mutating func value(for key: String, depth: Int) -> JSONValue {
        if key.hasPrefix("ls") { return .array((0..<Int.random(in: 0...3, using: &rng)).map { _ in string() }) }
        if key.hasPrefix("ld") {
            return .array((0..<Int.random(in: 0...3, using: &rng)).map { _ in object(depth: depth + 1) })
        }
        switch key.first {
        case "s": return string()
        case "n": return .string(String(Int.random(in: 0...999, using: &rng)))
        case "b": return .bool(chance(0.5))
        default: return object(depth: depth + 1)
        }
    }

    /// Never empty: pystache takes "" as false, the specification (and swift-mustache before us) does not.
    private mutating func string() -> JSONValue {
        .string(
            (0..<Int.random(in: 1...6, using: &rng)).map { _ in Self.valueCharacters.randomElement(using: &rng)! }
                .joined()
        )
    }

    // MARK: templates

    mutating func template() -> String {
        (open, close) = ("{{", "}}")
        return nodes(depth: 0, top: .object)
    }

    private mutating func nodes(depth: Int, top: Top) -> String {
        var out = ""
        for _ in 0..<Int.random(in: 0...5, using: &rng) {
            switch Int.random(in: 0..<100, using: &rng) {
            case 0..<30: out += textPiece()
            case 30..<55:
                out += variable(top: top)
                afterQuietTag = false
            case 55..<62:
                out += tag("! " + ["note", "a b", "x\ny"].randomElement(using: &rng)! + " ")
                afterQuietTag = true
            case 62..<68:
                out += standaloneLine(delimiters())
                afterQuietTag = false
            case 68..<84 where depth < 4: out += section(depth: depth, top: top, inverted: false)
            case 84..<94 where depth < 4: out += section(depth: depth, top: top, inverted: true)
            default: out += textPiece()
            }
        }
        return out
    }

    private mutating func textPiece() -> String {
        let pieces =
            afterQuietTag ? Self.textPieces.filter { !$0.hasPrefix(" ") && !$0.hasPrefix("\t") } : Self.textPieces
        afterQuietTag = false
        return pieces.randomElement(using: &rng)!
    }

    private mutating func variable(top: Top) -> String {
        var names = ["s0", "s1", "s2", "n0", "d0.s0", "d1.d0.s1", "d0.n0", "zz", "d0.zz"]
        if top == .string { names += [".", "."] }
        let name = names.randomElement(using: &rng)!
        let padded = chance(0.2) ? " \(name) " : name
        switch Int.random(in: 0..<3, using: &rng) {
        case 0: return open + "{" + padded + "}" + close
        case 1: return tag("&" + padded)
        default: return tag(padded)
        }
    }

    private mutating func section(depth: Int, top: Top, inverted: Bool) -> String {
        let names = ["s0", "s1", "n0", "b0", "b1", "ls0", "ld0", "d0", "d1", "d0.d1", "d0.b0", "zz"]
        let name = names.randomElement(using: &rng)!
        let inner: Top
        if inverted {
            inner = top
        } else {
            switch name.split(separator: ".").last!.first {
            case "s", "n": inner = .string
            case "b": inner = .bool
            case "l": inner = name.hasPrefix("ls") ? .string : .object
            default: inner = .object
            }
        }
        let alone = chance(0.5)
        let openTag = tag((inverted ? "^" : "#") + name)
        afterQuietTag = !alone
        let body = nodes(depth: depth + 1, top: inner)
        let closeTag = tag("/" + name)
        afterQuietTag = !alone
        return (alone ? standaloneLine(openTag) : openTag) + body + (alone ? standaloneLine(closeTag) : closeTag)
    }

    /// A set-delimiter tag, switching to a random pair.
    private mutating func delimiters() -> String {
        let (newOpen, newClose) = Self.delimiterPairs.randomElement(using: &rng)!
        let text = open + "=" + newOpen + " " + newClose + "=" + close
        (open, close) = (newOpen, newClose)
        return text
    }

    /// `text` on a line of its own, sometimes indented. No blanks after it: the specification drops them with the
    /// line, pystache keeps them (MustacheTemplateTests checks ours).
    private mutating func standaloneLine(_ text: String) -> String {
        let indent = ["", "", "  ", "\t"].randomElement(using: &rng)!
        return "\n" + indent + text + (chance(0.2) ? "\r\n" : "\n")
    }

    private func tag(_ inside: String) -> String { open + inside + close }

    private mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &rng) < p }
}
