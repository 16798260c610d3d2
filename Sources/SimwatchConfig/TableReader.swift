import SimwatchCore
package import SimwatchTOML

/// Typed, checked access to one TOML table. Every key read is remembered; `finish(allowing:)` turns the rest into
/// "unknown key" errors with a suggestion.
package struct TableReader {
    package let table: TOMLTable
    /// Dotted path of this table, for messages: "line[0].plan".
    package let path: String
    /// How errors name this table: "[line.plan] of line 'fr-travel'".
    package let context: String
    let sink: DiagnosticSink
    /// How the keys `finish(allowing:)` suggests differ from those it allows, where the table is read for another
    /// (an account's provider keys, read as a line's: its own keys are suggested too, a line's `iccid` is not).
    var suggesting: (extra: [String], without: Set<String>) = ([], [])

    package func has(_ key: String) -> Bool { table.contains(key: key) }

    package func error(_ key: String?, _ message: String, hint: String? = nil) {
        sink.add(line: line(of: key), context: context, message: message, hint: hint)
    }

    /// The line where `key` is defined (the parser keeps every key's position), else where this table is.
    package func line(of key: String?) -> Int? {
        key.flatMap { table.position(of: $0)?.line } ?? table.position?.line
    }

    package func keyPath(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    package func string(_ key: String) -> String? {
        guard let value = table[key] else { return nil }
        guard let s = value.string else {
            error(key, "`\(key)` must be a string, not \(Self.kind(of: value))", hint: "put the value in quotes")
            return nil
        }
        return s
    }

    package func int(_ key: String, in range: ClosedRange<Int>) -> Int? {
        guard let value = table[key] else { return nil }
        guard let i = value.integer.flatMap({ Int(exactly: $0) }) else {
            error(key, "`\(key)` must be a whole number, not \(Self.kind(of: value))")
            return nil
        }
        guard range.contains(i) else {
            error(key, "`\(key)` = \(i) is out of range", hint: "use \(range.lowerBound)...\(range.upperBound)")
            return nil
        }
        return i
    }

    package func double(_ key: String, in range: ClosedRange<Double>) -> Double? {
        guard let value = table[key] else { return nil }
        guard let d = value.float ?? value.integer.map(Double.init) else {
            error(key, "`\(key)` must be a number, not \(Self.kind(of: value))")
            return nil
        }
        guard range.contains(d) else {
            error(key, "`\(key)` = \(d) is out of range", hint: "use \(range.lowerBound)...\(range.upperBound)")
            return nil
        }
        return d
    }

    /// A string, or an array of strings.
    package func stringList(_ key: String) -> [String]? {
        guard let value = table[key] else { return nil }
        if let s = value.string { return [s] }
        guard let array = value.array else {
            error(key, "`\(key)` must be a string or a list of strings, not \(Self.kind(of: value))")
            return nil
        }
        var out: [String] = []
        for element in array {
            guard let s = element.string else {
                error(key, "every item of `\(key)` must be a string", hint: "write [\"a\", \"b\"]")
                return nil
            }
            out.append(s)
        }
        return out
    }

    package func bool(_ key: String) -> Bool? {
        guard let value = table[key] else { return nil }
        guard let b = value.boolean else {
            error(key, "`\(key)` must be true or false, not \(Self.kind(of: value))")
            return nil
        }
        return b
    }

    /// A table of string values (`headers`, `env`, `status_map`).
    package func stringTable(_ key: String) -> [String: String]? {
        guard let value = table[key] else { return nil }
        guard let t = value.table else {
            error(
                key,
                "`\(key)` must be a table, not \(Self.kind(of: value))",
                hint: "write \(key) = { name = \"value\" }"
            )
            return nil
        }
        var out: [String: String] = [:]
        for name in t.keys {
            guard let s = t[name]?.string else {
                error(key, "every value of `\(key)` must be a string", hint: "put `\(name)`'s value in quotes")
                return nil
            }
            out[name] = s
        }
        return out
    }

    package func subtable(_ key: String, context: String) -> TableReader? {
        guard let value = table[key] else { return nil }
        guard let t = value.table else {
            error(key, "`\(key)` must be a table, not \(Self.kind(of: value))", hint: "write [\(keyPath(key))]")
            return nil
        }
        return TableReader(table: t, path: keyPath(key), context: context, sink: sink)
    }

    /// The tables of an array of tables (`[[line]]`), with their paths.
    package func tables(_ key: String) -> [TableReader] {
        guard let value = table[key] else { return [] }
        guard let array = value.array else {
            error(key, "`\(key)` must be written as [[\(key)]] tables, not \(Self.kind(of: value))")
            return []
        }
        var out: [TableReader] = []
        for (index, element) in array.enumerated() {
            let path = "\(keyPath(key))[\(index)]"
            guard let t = element.table else {
                sink.add(line: line(of: key), context: context, message: "every `\(key)` entry must be a table")
                continue
            }
            out.append(TableReader(table: t, path: path, context: "[[\(key)]] #\(index + 1)", sink: sink))
        }
        return out
    }

    package func renamed(context: String) -> TableReader {
        TableReader(table: table, path: path, context: context, sink: sink)
    }

    /// Reports every key not in `allowed`, suggesting the nearest allowed one.
    package func finish(allowing allowed: [String]) {
        let known = allowed.filter { !suggesting.without.contains($0) } + suggesting.extra
        for key in table.keys.sorted() where !allowed.contains(key) {
            let hint =
                Suggestion.nearest(to: key, in: known).map { "did you mean `\($0)`?" }
                ?? "known keys: \(known.joined(separator: ", "))"
            error(key, "unknown key `\(key)`", hint: hint)
        }
    }

    /// The kind of a value, in the configuration's words, for "must be a string, not an integer".
    private static func kind(of value: TOMLValue) -> String {
        switch value {
        case .table: "a table"
        case .array: "a list"
        case .string: "a string"
        case .integer: "an integer"
        case .float: "a number"
        case .boolean: "a boolean"
        case .localDate: "a date"
        case .localTime: "a time"
        case .offsetDateTime, .localDateTime: "a date-time"
        }
    }
}
