/// Free text written by a person for one line of a reminder or the ledger (an order number, a note, a label):
/// trimmed of spaces and tabs, without control characters (so without line breaks), at most a given length.
/// The configuration and the control API check such text the same way and word their own messages.
public enum OneLineText {
    /// Why a text is refused.
    public enum Problem: Error, Sendable, Equatable {
        /// Nothing but spaces and tabs.
        case empty
        /// A line break or another control character (C0, DEL or C1).
        case controlCharacters
        /// More characters than allowed.
        case tooLong(limit: Int)
    }

    /// `text` trimmed, or why it is refused.
    public static func check(_ text: String, limit: Int) -> Result<String, Problem> {
        let trimmed = text.trimming(" \t")
        if trimmed.isEmpty { return .failure(.empty) }
        if trimmed.unicodeScalars.contains(where: { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }) {
            return .failure(.controlCharacters)
        }
        if trimmed.count > limit { return .failure(.tooLong(limit: limit)) }
        return .success(trimmed)
    }
}
