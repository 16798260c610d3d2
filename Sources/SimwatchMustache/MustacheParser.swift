/// Turns tokens into nodes: drops standalone lines (a section, comment or set-delimiter tag alone on its line, with
/// only spaces or tabs around it, takes its line with it, as the specification says), matches sections with their
/// end tags and bounds their nesting.
enum MustacheParser {
    static func parse(_ tokens: [MustacheToken], maxDepth: Int) throws(MustacheError) -> [MustacheNode] {
        try nest(trimStandalone(tokens), maxDepth: maxDepth)
    }

    /// Every line (tokens up to and with a text ending in `\n`, or up to the end) that holds one tag that can stand
    /// alone and otherwise only blank text keeps only that tag.
    static func trimStandalone(_ tokens: [MustacheToken]) -> [MustacheToken] {
        var out: [MustacheToken] = []
        out.reserveCapacity(tokens.count)
        var lineTokens: [MustacheToken] = []
        func flush() {
            let tags = lineTokens.filter { $0.kind != .text }
            if tags.count == 1, tags[0].canStandAlone, lineTokens.allSatisfy({ $0.kind != .text || $0.isBlankText }) {
                out.append(tags[0])
            } else {
                out.append(contentsOf: lineTokens)
            }
            lineTokens.removeAll(keepingCapacity: true)
        }
        for token in tokens {
            lineTokens.append(token)
            if token.kind == .text, token.content.utf8.last == 0x0A { flush() }
        }
        flush()
        return out
    }

    private struct Open {
        var name: MustacheName?
        var inverted: Bool
        var line: Int
        var column: Int
        var children: [MustacheNode] = []
    }

    private static func nest(_ tokens: [MustacheToken], maxDepth: Int) throws(MustacheError) -> [MustacheNode] {
        var stack = [Open(name: nil, inverted: false, line: 1, column: 1)]
        for token in tokens {
            let (line, column) = (token.line, token.column)
            switch token.kind {
            case .text:
                stack[stack.count - 1].children.append(.text(token.content, line: line, column: column))
            case .variable(let escaped):
                guard let name = MustacheName(token.content) else { continue }  // the scanner checked it
                stack[stack.count - 1].children.append(.variable(name, escaped: escaped, line: line, column: column))
            case .sectionOpen(let inverted):
                guard stack.count <= maxDepth else {
                    throw MustacheError(
                        "sections nested more than \(maxDepth) deep",
                        line: line,
                        column: column
                    )
                }
                stack.append(Open(name: MustacheName(token.content), inverted: inverted, line: line, column: column))
            case .sectionClose:
                guard stack.count > 1, let name = stack[stack.count - 1].name else {
                    throw MustacheError("`/\(token.content)` ends no section", line: line, column: column)
                }
                let open = stack.removeLast()
                guard name.raw == token.content else {
                    throw MustacheError(
                        "`/\(token.content)` does not end `\(name.raw)`, the section open since line \(open.line),"
                            + " column \(open.column)",
                        line: line,
                        column: column
                    )
                }
                stack[stack.count - 1].children.append(
                    .section(
                        name,
                        inverted: open.inverted,
                        children: open.children,
                        line: open.line,
                        column: open.column
                    )
                )
            case .comment, .delimiters:
                continue
            }
        }
        if stack.count > 1, let open = stack.last {
            throw MustacheError(
                "section `\(open.name?.raw ?? "")` is never ended: no `/\(open.name?.raw ?? "")` tag",
                line: open.line,
                column: open.column
            )
        }
        return stack[0].children
    }
}
