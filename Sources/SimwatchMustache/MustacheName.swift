/// A tag's name: `.` (the top of the context stack) or dot-separated keys, the first looked up through the whole
/// stack and each next one only inside the value found so far.
struct MustacheName: Sendable, Hashable {
    /// Empty for `.`.
    let parts: [String]
    /// As written, for error messages and for matching a section's end tag.
    let raw: String

    /// Nil when `raw` is not a name: empty parts (`a..b`, `.a`) or space inside.
    init?(_ raw: String) {
        self.raw = raw
        if raw == "." {
            parts = []
            return
        }
        let parts = raw.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard !parts.contains(where: \.isEmpty),
            !raw.unicodeScalars.contains(where: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" })
        else { return nil }
        self.parts = parts
    }
}
