import SimwatchTOML

/// The parse of `text`, or the error's message: lets a test state a whole outcome in one expectation.
func parse(_ text: String, limits: TOMLLimits = TOMLLimits()) -> Result<TOMLTable, TOMLSyntaxError> {
    do {
        return .success(try TOMLTable(parsing: text, limits: limits))
    } catch {
        return .failure(error)
    }
}

/// The syntax error `text` gives, or nil when it parses.
func syntaxError(_ text: String, limits: TOMLLimits = TOMLLimits()) -> TOMLSyntaxError? {
    if case .failure(let error) = parse(text, limits: limits) { error } else { nil }
}

/// The value at a dotted path (no quoting) of a parsed document, nil on error or absence.
func value(_ text: String, _ path: String) -> TOMLValue? {
    guard case .success(let table) = parse(text) else { return nil }
    var current = TOMLValue.table(table)
    for part in path.split(separator: ".") {
        guard let next = current.table?[String(part)] else { return nil }
        current = next
    }
    return current
}
