/// One piece of a template as the scanner cuts it, before standalone lines are trimmed and sections are matched.
/// Text never spans a line break: a text token ends at its `\n`, so that lines can be judged one by one.
struct MustacheToken: Sendable {
    enum Kind: Sendable, Hashable {
        case text
        case variable(escaped: Bool)
        case sectionOpen(inverted: Bool)
        case sectionClose
        case comment
        case delimiters
    }

    var kind: Kind
    /// The literal text of a text token, the trimmed name of a tag.
    var content: String
    var line: Int
    var column: Int

    /// Tags that vanish with their line when they stand alone on it (the specification's standalone rule).
    var canStandAlone: Bool {
        switch kind {
        case .sectionOpen, .sectionClose, .comment, .delimiters: true
        case .text, .variable: false
        }
    }

    /// Text made only of spaces and tabs, with at most a final `\n` or `\r\n`.
    var isBlankText: Bool {
        guard kind == .text else { return false }
        var bytes = content.utf8[...]
        if bytes.last == 0x0A {
            bytes = bytes.dropLast()
            if bytes.last == 0x0D { bytes = bytes.dropLast() }
        }
        return bytes.allSatisfy { $0 == 0x20 || $0 == 0x09 }
    }
}
