/// The context stack while rendering: the data at the bottom, then the value of each enclosing section.
struct MustacheContext {
    private(set) var stack: [MustacheValue]

    init(_ root: MustacheValue) { stack = [root] }

    mutating func push(_ value: MustacheValue) { stack.append(value) }
    mutating func pop() { stack.removeLast() }

    /// The first key is looked up from the top of the stack down, in dictionaries only; each further key only in
    /// what the one before found. Nil when nothing is found.
    func lookup(_ name: MustacheName) -> MustacheValue? {
        guard let first = name.parts.first else { return stack.last }
        var found: MustacheValue?
        for context in stack.reversed() {
            if case .dictionary(let keys) = context, let value = keys[first] {
                found = value
                break
            }
        }
        for key in name.parts.dropFirst() {
            guard case .dictionary(let keys)? = found else { return nil }
            found = keys[key]
        }
        return found
    }
}
