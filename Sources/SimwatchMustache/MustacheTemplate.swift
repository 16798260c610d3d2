/// A compiled Mustache template: interpolation (`{{name}}`, `{{{name}}}`, `{{&name}}`, dotted names, `{{.}}`),
/// sections, inverted sections, comments and set delimiters, with the specification's standalone-line rules.
/// Partials, lambdas and template inheritance are not offered: a template using them fails to compile.
/// Written for simwatch so that templates need neither Foundation nor ICU.
public struct MustacheTemplate: Sendable {
    public let escaping: MustacheEscaping
    public let limits: MustacheLimits
    private let nodes: [MustacheNode]

    /// Compiles `source`; the error gives the line and column of the first problem.
    public init(
        _ source: String,
        escaping: MustacheEscaping = .html,
        limits: MustacheLimits = MustacheLimits()
    ) throws(MustacheError) {
        self.escaping = escaping
        self.limits = limits
        nodes = try MustacheParser.parse(MustacheScanner.scan(source), maxDepth: limits.maxDepth)
    }

    /// Renders over `value`; fails only when the output would pass `limits.maxOutputBytes` or the work
    /// `limits.maxSteps`.
    public func render(_ value: MustacheValue) throws(MustacheError) -> String {
        var renderer = MustacheRenderer(value, escaping: escaping, limits: limits)
        try renderer.render(nodes)
        return renderer.output
    }
}
