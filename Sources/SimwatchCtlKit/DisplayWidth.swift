/// How many terminal columns text takes: escape sequences take none, emoji and East Asian wide characters two,
/// combining marks none.
public enum DisplayWidth {
    /// The width of `text` on a terminal.
    public static func of(_ text: String) -> Int {
        var width = 0
        var escape = EscapeScanner()
        for character in text {
            if escape.consume(character) { continue }
            width += of(character)
        }
        return width
    }

    /// The width of one character (grapheme cluster).
    public static func of(_ character: Character) -> Int {
        guard let first = character.unicodeScalars.first else { return 0 }
        if first.value < 0x20 || (0x7F..<0xA0).contains(first.value) { return 0 }
        if character.unicodeScalars.contains(where: { $0.value == 0xFE0F }) { return 2 }
        let properties = first.properties
        if properties.isEmojiPresentation || isWide(first.value) { return 2 }
        // Regional indicator pairs are flags.
        if (0x1F1E6...0x1F1FF).contains(first.value) { return 2 }
        if properties.generalCategory == .nonspacingMark || properties.generalCategory == .enclosingMark { return 0 }
        return 1
    }

    /// `text` without escape sequences.
    public static func stripped(_ text: String) -> String {
        guard text.contains("\u{1B}") else { return text }
        var out = ""
        var escape = EscapeScanner()
        for character in text where !escape.consume(character) {
            out.append(character)
        }
        return out
    }

    /// `text` cut to at most `width` columns, ending in "…" when cut. Escape sequences are dropped when cutting.
    public static func truncated(_ text: String, to width: Int) -> String {
        guard of(text) > width else { return text }
        guard width > 0 else { return "" }
        var out = ""
        var used = 0
        for character in stripped(text) {
            let w = of(character)
            if used + w > width - 1 { break }
            out.append(character)
            used += w
        }
        return out + "…"
    }

    /// `text` followed by spaces up to `width` columns (or right-aligned: preceded by them).
    public static func padded(_ text: String, to width: Int, right: Bool = false) -> String {
        let fill = String(repeating: " ", count: max(0, width - of(text)))
        return right ? fill + text : text + fill
    }

    static func isWide(_ value: UInt32) -> Bool {
        (0x1100...0x115F).contains(value) || (0x2E80...0x303E).contains(value) || (0x3041...0x33FF).contains(value)
            || (0x3400...0x4DBF).contains(value) || (0x4E00...0x9FFF).contains(value)
            || (0xA000...0xA4CF).contains(value) || (0xAC00...0xD7A3).contains(value)
            || (0xF900...0xFAFF).contains(value) || (0xFE30...0xFE4F).contains(value)
            || (0xFF00...0xFF60).contains(value) || (0xFFE0...0xFFE6).contains(value)
            || (0x20000...0x3FFFD).contains(value)
    }
}

/// Recognises CSI escape sequences ("ESC [ ... letter") one character at a time.
private struct EscapeScanner {
    private var state = 0

    /// True when `character` belongs to an escape sequence.
    mutating func consume(_ character: Character) -> Bool {
        switch state {
        case 0:
            guard character == "\u{1B}" else { return false }
            state = 1
        case 1:
            state = character == "[" ? 2 : 0
        default:
            if character.isLetter { state = 0 }
        }
        return true
    }
}
