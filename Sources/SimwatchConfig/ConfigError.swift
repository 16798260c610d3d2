import SimwatchCore

/// One mistake in a configuration file: where it is, what is wrong, and how to fix it.
public struct ConfigDiagnostic: Sendable, Hashable, CustomStringConvertible {
    public var file: String
    /// 1-based line, when known.
    public var line: Int?
    /// Where in the document: "[[line]] 'fr-travel'", "[daemon]".
    public var context: String
    public var message: String
    public var hint: String?

    public init(file: String, line: Int?, context: String, message: String, hint: String? = nil) {
        self.file = file
        self.line = line
        self.context = context
        self.message = message
        self.hint = hint
    }

    /// "unknown key `treshold` in [[line]] 'fr-travel' at config.toml:14; did you mean `threshold`?"
    public var description: String {
        var text = message
        if !context.isEmpty { text += " in \(context)" }
        text += " at \(location)"
        if let hint { text += "; \(hint)" }
        return text
    }

    public var location: String {
        let name = file.split(separator: "/").last.map(String.init) ?? file
        return line.map { "\(name):\($0)" } ?? name
    }
}

/// A configuration that cannot be used, with every problem found (not just the first).
public struct ConfigError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [ConfigDiagnostic]

    public init(_ diagnostics: [ConfigDiagnostic]) {
        self.diagnostics = diagnostics
    }

    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}
