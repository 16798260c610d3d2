extension TOMLTable {
    /// Parses a TOML 1.0.0 document.
    public init(parsing text: String, limits: TOMLLimits = TOMLLimits()) throws(TOMLSyntaxError) {
        try self.init(parsing: Array(text.utf8), limits: limits)
    }

    /// Parses a TOML 1.0.0 document from UTF-8 bytes (checked: invalid UTF-8 is a syntax error).
    public init(parsing bytes: [UInt8], limits: TOMLLimits = TOMLLimits()) throws(TOMLSyntaxError) {
        var parser = TOMLParser(bytes: bytes, limits: limits)
        self = try parser.parse()
    }
}
