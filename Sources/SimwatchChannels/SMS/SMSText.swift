/// A reminder's text made to fit in at most `maxParts` SMS: the body (the summary, by default), then each extra line
/// (the offer advice, the first detail) that still fits whole, then the renewal link on a line of its own, always
/// whole and always last. A body too long is shortened at the end of a word, with an ellipsis ("..." while the
/// message is GSM-7, where "…" does not exist and would turn the whole text into UCS-2, "…" otherwise); only a
/// first word longer than the whole room is cut inside. A link longer than the whole room is left out rather than
/// cut.
///
/// The link is taken out of the body and extras where they carry it ("renew now at https://…" reads "renew now"),
/// so it is sent once. Control characters become spaces, runs of spaces one.
public struct SMSText: Sendable, Hashable {
    public let text: String
    public let encoding: SMSEncoding
    /// Messages the text is sent as: 1 ... the `maxParts` it was made for.
    public let parts: Int
    /// Something was cut or left out to fit.
    public let shortened: Bool

    /// The bounds of `max_parts`.
    public static let partRange = 1...10

    public init(body: String, extras: [String] = [], link: String?, maxParts: Int) {
        let maxParts = min(max(maxParts, Self.partRange.lowerBound), Self.partRange.upperBound)
        // Nothing longer than this many characters can fit (every character costs at least one unit): longer text
        // is cut here first, so the search below stays short whatever a template produced.
        let room = maxParts * SMSEncoding.gsm7.single
        var link = link.map(Self.clean).flatMap { $0.isEmpty || $0.contains(where: \.isWhitespace) ? nil : $0 }
        var shortened = false
        if let whole = link, !Self.fits(whole, maxParts) {
            link = nil
            shortened = true
        }
        let head = Self.withoutLink(Self.clean(body), link)
        // An extra that was little more than the link ("Renew at https://…." is "Renew.") says nothing.
        let extraLines = extras.map { Self.withoutLink(Self.clean($0), link) }
            .filter { $0.split(separator: " ").count > 1 && $0 != head && $0.count <= room }
        func assembled(_ text: String) -> String {
            guard let link else { return text }
            return text.isEmpty ? link : text + "\n" + link
        }
        var text = head
        if head.count > room || !Self.fits(assembled(head), maxParts) {
            text = Self.shorten(String(head.prefix(room + 1)), maxParts: maxParts, assembled: assembled)
            shortened = true
        } else {
            for extra in extraLines {
                let longer = text.isEmpty ? extra : text + "\n" + extra
                if Self.fits(assembled(longer), maxParts) {
                    text = longer
                } else {
                    shortened = true
                }
            }
        }
        self.text = assembled(text)
        self.encoding = SMSEncoding(of: self.text)
        self.parts = encoding.parts(self.text) ?? maxParts
        self.shortened = shortened
    }

    static func fits(_ text: String, _ maxParts: Int) -> Bool {
        (SMSEncoding(of: text).parts(text) ?? Int.max) <= maxParts
    }

    /// The longest start of `text` that ends a word and, with an ellipsis and the link, fits; failing that (a first
    /// word longer than the room), the longest start that fits at all.
    static func shorten(_ text: String, maxParts: Int, assembled: (String) -> String) -> String {
        func candidate(_ prefix: Substring) -> String {
            var kept = prefix
            while let last = kept.last, last.isWhitespace || ",;:-–".contains(last) { kept.removeLast() }
            let plain = assembled(String(kept))
            return String(kept) + (SMSEncoding(of: plain) == .gsm7 ? "..." : "…")
        }
        var best: String?
        var index = text.startIndex
        while index < text.endIndex {
            let next = text.index(after: index)
            let endsWord = !text[index].isWhitespace && (next == text.endIndex || text[next].isWhitespace)
            if endsWord {
                let trial = candidate(text[..<next])
                guard fits(assembled(trial), maxParts) else { break }
                best = trial
            }
            index = next
        }
        if let best { return best }
        // One word longer than the room: cut inside it, at a character.
        var cut = ""
        for end in text.indices.dropFirst() {
            let trial = candidate(text[..<end])
            guard fits(assembled(trial), maxParts) else { break }
            cut = trial
        }
        return cut
    }

    /// One line per line of `text`, controls as spaces, spaces collapsed, ends trimmed, empty lines dropped.
    static func clean(_ text: String) -> String {
        let flat = String(
            String.UnicodeScalarView(
                text.unicodeScalars.map { scalar in
                    scalar == "\n" || !(scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)) ? scalar : " "
                }
            )
        )
        return flat.split(separator: "\n")
            .map { $0.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
            .filter { !$0.isEmpty }
            .joined(separator: "\n")
    }

    /// `text` without `link` where it stands as a word of its own ("at" or French "sur" before it and a comma after it
    /// dropped, other punctuation kept): "renew now at https://x." reads "renew now.", "Renew at https://x, in the
    /// app" reads "Renew in the app", "rechargez maintenant sur https://x" reads "rechargez maintenant".
    static func withoutLink(_ text: String, _ link: String?) -> String {
        guard let link, text.contains(link) else { return text }
        let lines = text.split(separator: "\n").map { line -> String in
            var words: [String] = []
            for word in line.split(separator: " ") {
                guard word.hasPrefix(link), word.dropFirst(link.count).allSatisfy({ ".,;:!?)".contains($0) }) else {
                    words.append(String(word))
                    continue
                }
                if words.last == "at" || words.last == "sur" { words.removeLast() }
                // A comma after it separated it from what follows in a list: it goes with it.
                let rest = String(word.dropFirst(link.count).drop { $0 == "," })
                if !rest.isEmpty {
                    if let last = words.popLast() { words.append(last + rest) } else { words.append(rest) }
                }
            }
            return words.joined(separator: " ")
        }
        return lines.filter { !$0.isEmpty }.joined(separator: "\n")
    }
}
