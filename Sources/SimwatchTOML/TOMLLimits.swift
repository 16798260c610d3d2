/// Bounds on hostile input, checked while parsing so that no document can overflow the stack (nesting) or hold the
/// parser for long (size). Parsing is linear in the input, so the size bound also bounds the time.
public struct TOMLLimits: Sendable, Hashable {
    /// Deepest nesting of tables (headers and dotted keys), arrays and inline tables together.
    public var maxDepth: Int
    /// Largest document, in bytes: 64 MiB by default, room for a fleet of 100,000 lines written out in one file
    /// (about 200 bytes each) while still bounding the time a document can hold the parser.
    public var maxBytes: Int

    public init(maxDepth: Int = 128, maxBytes: Int = 64 << 20) {
        self.maxDepth = maxDepth
        self.maxBytes = maxBytes
    }
}
