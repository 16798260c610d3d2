/// Bounds on the work one template may cause. A template is user configuration: a section nested without end or a
/// list rendered inside a list inside a list must fail with a clear error, not fill the memory.
public struct MustacheLimits: Sendable, Hashable {
    /// Sections inside sections, checked when the template is compiled.
    public var maxDepth: Int
    /// UTF-8 bytes one rendering may produce.
    public var maxOutputBytes: Int
    /// Nodes one rendering may visit: sections over lists nested in each other can loop for ages while printing
    /// nothing, which the output bound would not catch.
    public var maxSteps: Int

    public init(maxDepth: Int = 32, maxOutputBytes: Int = 256 * 1024, maxSteps: Int = 1_000_000) {
        self.maxDepth = maxDepth
        self.maxOutputBytes = maxOutputBytes
        self.maxSteps = maxSteps
    }
}
