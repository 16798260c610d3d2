/// Walks the nodes of one template over one value, counting the output against the limit as it grows.
struct MustacheRenderer {
    let escaping: MustacheEscaping
    let limits: MustacheLimits
    private var context: MustacheContext
    private(set) var output = ""
    private var size = 0
    private var steps = 0

    init(_ value: MustacheValue, escaping: MustacheEscaping, limits: MustacheLimits) {
        self.escaping = escaping
        self.limits = limits
        context = MustacheContext(value)
    }

    mutating func render(_ nodes: [MustacheNode]) throws(MustacheError) {
        for node in nodes {
            steps += 1
            if steps > limits.maxSteps {
                let (line, column) = node.position
                throw MustacheError(
                    "rendering takes more than \(limits.maxSteps) steps (sections over lists nested too deep?)",
                    line: line,
                    column: column
                )
            }
            switch node {
            case .text(let text, let line, let column):
                try append(text, line: line, column: column)
            case .variable(let name, let escaped, let line, let column):
                guard let value = context.lookup(name) else { continue }
                let text = escaped ? escaping.apply(value.text) : value.text
                try append(text, line: line, column: column)
            case .section(let name, let inverted, let children, _, _):
                let value = context.lookup(name)
                let truthy = value?.isTruthy ?? false
                if inverted {
                    if !truthy { try render(children) }
                } else if let value, truthy {
                    if case .list(let items) = value {
                        for item in items { try renderPushing(item, children) }
                    } else {
                        try renderPushing(value, children)
                    }
                }
            }
        }
    }

    private mutating func renderPushing(_ value: MustacheValue, _ nodes: [MustacheNode]) throws(MustacheError) {
        context.push(value)
        defer { context.pop() }
        try render(nodes)
    }

    private mutating func append(_ text: String, line: Int, column: Int) throws(MustacheError) {
        size += text.utf8.count
        guard size <= limits.maxOutputBytes else {
            throw MustacheError("output is larger than \(limits.maxOutputBytes) bytes", line: line, column: column)
        }
        output += text
    }
}
