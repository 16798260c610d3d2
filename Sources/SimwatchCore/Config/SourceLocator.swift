/// Finds the line of a table or key in TOML source text. TOMLKit reports positions for syntax errors only, so
/// errors about keys and values come from this small scan of table headers and `key =` lines.
///
/// Paths are dotted with array-of-tables indices: `line[1].rule[0].threshold`, `daemon.poll_interval`.
struct SourceLocator: Sendable {
    private var lines: [String: Int] = [:]

    init(text: String) {
        var arrayCounts: [String: Int] = [:]
        var arrays: Set<String> = []
        var current = ""
        var inMultilineString = false
        for (offset, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = offset + 1
            let line = raw.trimming(" \t\r")
            if inMultilineString {
                if line.contains("\"\"\"") || line.contains("'''") { inMultilineString = false }
                continue
            }
            if line.hasPrefix("[[") {
                let name = Self.headerName(line, brackets: 2)
                let parent = Self.resolve(Array(name.dropLast()), arrays: arrays, counts: arrayCounts)
                let key = (parent.isEmpty ? "" : parent + ".") + (name.last ?? "")
                arrays.insert(Self.unindexed(key))
                let index = arrayCounts[key, default: 0]
                arrayCounts[key] = index + 1
                current = "\(key)[\(index)]"
                record(current, number)
            } else if line.hasPrefix("[") {
                current = Self.resolve(Self.headerName(line, brackets: 1), arrays: arrays, counts: arrayCounts)
                record(current, number)
            } else if let eq = Self.assignment(line) {
                let path = (current.isEmpty ? "" : current + ".") + eq.key
                record(path, number)
                if eq.rest.hasPrefix("{") {
                    for inner in Self.inlineKeys(eq.rest) { record(path + "." + inner, number) }
                }
                if (Self.occurrences(of: "\"\"\"", in: eq.rest) + Self.occurrences(of: "'''", in: eq.rest)) % 2 == 1 {
                    inMultilineString = true
                }
            }
        }
    }

    /// The line of `path`, or of its nearest enclosing table.
    func line(of path: String) -> Int? {
        var path = path
        while !path.isEmpty {
            if let line = lines[path] { return line }
            if path.hasSuffix("]"), let open = path.lastIndex(of: "[") {
                path = String(path[..<open])
            } else if let dot = path.lastIndex(of: ".") {
                path = String(path[..<dot])
            } else {
                return nil
            }
        }
        return nil
    }

    private mutating func record(_ path: String, _ line: Int) {
        if lines[path] == nil { lines[path] = line }
    }

    private static func headerName(_ line: String, brackets: Int) -> [String] {
        var body = Substring(line.dropFirst(brackets))
        if let close = body.firstIndex(of: "]") { body = body[..<close] }
        return body.split(separator: ".").map { unquote($0.trimming(" \t")) }
    }

    /// Maps header components to an indexed path, using the latest index of each enclosing array of tables.
    private static func resolve(_ components: [String], arrays: Set<String>, counts: [String: Int]) -> String {
        var path = ""
        for component in components {
            path += (path.isEmpty ? "" : ".") + component
            if arrays.contains(unindexed(path)), let count = counts[path] { path += "[\(count - 1)]" }
        }
        return path
    }

    private static func unindexed(_ path: String) -> String {
        var out = ""
        var skipping = false
        for c in path {
            if c == "[" { skipping = true } else if c == "]" { skipping = false } else if !skipping { out.append(c) }
        }
        return out
    }

    private static func assignment(_ line: String) -> (key: String, rest: String)? {
        guard let first = line.first, first != "#", let eq = line.firstIndex(of: "=") else { return nil }
        let key = line[..<eq].split(separator: ".").map { unquote($0.trimming(" \t")) }
        guard key.allSatisfy({ !$0.isEmpty && !$0.contains(" ") }) else { return nil }
        let rest = line[line.index(after: eq)...].trimming(" \t")
        return (key.joined(separator: "."), rest)
    }

    private static func inlineKeys(_ text: String) -> [String] {
        text.dropFirst().split(separator: ",").compactMap { part in
            guard let eq = part.firstIndex(of: "=") else { return nil }
            let key = unquote(part[..<eq].trimming(" \t{}"))
            return key.isEmpty ? nil : key
        }
    }

    private static func occurrences(of needle: String, in text: String) -> Int {
        var count = 0
        var rest = Substring(text)
        while let range = rest.firstRange(of: needle) {
            count += 1
            rest = rest[range.upperBound...]
        }
        return count
    }

    private static func unquote(_ s: String) -> String {
        if s.count >= 2, let f = s.first, f == "\"" || f == "'", s.last == f { return String(s.dropFirst().dropLast()) }
        return s
    }
}

extension String {
    func trimming(_ set: String) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s = s.dropFirst() }
        while let l = s.last, set.contains(l) { s = s.dropLast() }
        return String(s)
    }
}

extension Substring {
    func trimming(_ set: String) -> String { String(self).trimming(set) }
}
