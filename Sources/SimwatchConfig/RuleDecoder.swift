public import SimwatchCore

/// Decodes one `[[rule]]` or `[[line.rule]]` table.
enum RuleDecoder {
    static let kinds = [
        "data_below", "expires_within", "runs_out_within", "runs_out_before_expiry", "credit_below", "stale",
    ]

    /// Decodes a list of rule tables; a repeated id is reported at the rule that repeats it.
    static func decodeAll(_ tables: [TableReader], header: String, label: String) -> [Rule] {
        var rules: [Rule] = []
        for (index, raw) in tables.enumerated() {
            let table = raw.renamed(context: "\(header) #\(index + 1)\(label)")
            guard let rule = decode(table) else { continue }
            if rules.contains(where: { $0.id == rule.id }) {
                table.error(
                    table.has("id") ? "id" : "kind",
                    "duplicate rule id `\(rule.id)`",
                    hint: "give each rule its own `id`"
                )
            } else {
                rules.append(rule)
            }
        }
        return rules
    }

    static func decode(_ table: TableReader) -> Rule? {
        guard let kindName = table.string("kind") else {
            if !table.has("kind") {
                table.error(nil, "missing `kind`", hint: "one of: \(kinds.joined(separator: ", "))")
            }
            table.finish(allowing: allKeys)
            return nil
        }
        let id = table.string("id") ?? kindName.replacingUnderscores()
        let context = "rule '\(id)'"
        let table = table.renamed(context: table.context.isEmpty ? context : "\(table.context) (\(context))")
        let severity = severity(table) ?? .warning
        let policy = repeatPolicy(table, kind: kindName) ?? defaultRepeat(kindName)
        var kind: RuleKind?
        var allowed = ["id", "kind", "severity", "repeat", "repeat_cap"]

        switch kindName {
        case "data_below":
            allowed.append("threshold")
            kind = required(table, "threshold", example: "\"500MB\" or \"10%\"") {
                dataThresholds(table).map(RuleKind.dataBelow)
            }
        case "expires_within":
            allowed.append("within")
            kind = required(table, "within", example: "[\"7d\", \"3d\", \"1d\"]") {
                stages(table, "within").map(RuleKind.expiresWithin)
            }
        case "runs_out_within":
            allowed.append("within")
            kind = required(table, "within", example: "\"3d\"") {
                table.parsed("within", TimeSpan.init(parsing:)).map(RuleKind.runsOutWithin)
            }
        case "runs_out_before_expiry":
            kind = .runsOutBeforeExpiry
        case "credit_below":
            allowed.append("threshold")
            kind = required(table, "threshold", example: "\"5 EUR\"") {
                table.parsed("threshold", Money.init(parsing:)).map(RuleKind.creditBelow)
            }
        case "stale":
            allowed.append("after")
            kind = required(table, "after", example: "\"1d\"") {
                table.parsed("after", TimeSpan.init(parsing:)).map(RuleKind.stale)
            }
        default:
            let hint =
                Suggestion.nearest(to: kindName, in: kinds).map { "did you mean `\($0)`?" }
                ?? "one of: \(kinds.joined(separator: ", "))"
            table.error("kind", "unknown rule kind `\(kindName)`", hint: hint)
            allowed = allKeys
        }
        if !isValidID(id) {
            table.error("id", "rule id `\(id)` may use only a-z, 0-9, '.', '_' and '-'", hint: "e.g. id = \"low-data\"")
        }
        table.finish(allowing: allowed)
        guard let kind else { return nil }
        return Rule(id: id, kind: kind, severity: severity, repeatPolicy: policy)
    }

    static let allKeys = ["id", "kind", "severity", "repeat", "repeat_cap", "threshold", "within", "after"]

    private static func required(
        _ table: TableReader,
        _ key: String,
        example: String,
        _ decode: () -> RuleKind?
    ) -> RuleKind? {
        guard table.has(key) else {
            table.error(nil, "missing `\(key)`", hint: "e.g. \(key) = \(example)")
            return nil
        }
        return decode()
    }

    private static func severity(_ table: TableReader) -> Severity? {
        guard let text = table.string("severity") else { return nil }
        guard let s = Severity(rawValue: text.lowercased()) else {
            table.error("severity", "unknown severity `\(text)`", hint: "use info, warning or critical")
            return nil
        }
        return s
    }

    private static func defaultRepeat(_ kind: String) -> RepeatPolicy {
        switch kind {
        case "runs_out_within", "runs_out_before_expiry": .once
        case "expires_within": .diminishing(start: .days(1), cap: .days(7))
        default: .every(.days(1))
        }
    }

    /// "once", "every 12h", "diminishing 1d" (with `repeat_cap`, default 7d).
    private static func repeatPolicy(_ table: TableReader, kind: String) -> RepeatPolicy? {
        let capGiven = table.parsed("repeat_cap", TimeSpan.init(parsing:))
        let cap = capGiven ?? .days(7)
        guard let text = table.string("repeat") else {
            guard let capGiven else { return nil }
            if case .diminishing(let start, _) = defaultRepeat(kind) {
                return .diminishing(start: start, cap: max(capGiven, start))
            }
            table.error(
                "repeat_cap",
                "`repeat_cap` applies only to diminishing repeats",
                hint: "add repeat = \"diminishing 1d\""
            )
            return nil
        }
        let words = text.split(separator: " ", maxSplits: 1).map(String.init)
        let hint = "write \"once\", \"every 12h\" or \"diminishing 1d\""
        switch words.first?.lowercased() {
        case "once" where words.count == 1:
            if capGiven != nil {
                table.error("repeat_cap", "`repeat_cap` applies only to diminishing repeats", hint: "remove it")
            }
            return .once
        case "every" where words.count == 2:
            guard let span = table.parsedText(words[1], key: "repeat", TimeSpan.init(parsing:)),
                atLeastAMinute(span, table)
            else { return nil }
            if capGiven != nil {
                table.error("repeat_cap", "`repeat_cap` applies only to diminishing repeats", hint: "remove it")
            }
            return .every(span)
        case "diminishing" where words.count == 2:
            guard let span = table.parsedText(words[1], key: "repeat", TimeSpan.init(parsing:)),
                atLeastAMinute(span, table)
            else { return nil }
            return .diminishing(start: span, cap: max(cap, span))
        default:
            if (try? TimeSpan(parsing: text)) != nil {
                table.error("repeat", "`repeat` = \"\(text)\" is ambiguous", hint: "write \"every \(text)\"")
            } else {
                table.error("repeat", "cannot read `repeat` = \"\(text)\"", hint: hint)
            }
            return nil
        }
    }

    private static func atLeastAMinute(_ span: TimeSpan, _ table: TableReader) -> Bool {
        guard span.seconds < 60 else { return true }
        table.error(
            "repeat",
            "`repeat` every \(span) would remind at every poll",
            hint: "use 1m or more, e.g. \"every 12h\""
        )
        return false
    }

    private static func dataThresholds(_ table: TableReader) -> [DataThreshold]? {
        guard let texts = table.stringList("threshold") else { return nil }
        var out: [DataThreshold] = []
        for text in texts {
            let trimmed = text.trimming(" ")
            if trimmed.hasSuffix("%") {
                guard let p = Double(trimmed.dropLast().trimming(" ").replacingComma()), p > 0, p <= 100 else {
                    table.error("threshold", "cannot read percentage \"\(text)\"", hint: "use e.g. \"10%\" (0-100)")
                    return nil
                }
                out.append(.percent(p))
            } else {
                guard let amount = table.parsedText(trimmed, key: "threshold", ByteCount.init(parsing:)) else {
                    return nil
                }
                out.append(.amount(amount))
            }
        }
        if !isDescending(out) {
            table.error(
                "threshold",
                "stages of `threshold` must go from largest to smallest",
                hint: "e.g. [\"1GB\", \"200MB\"]"
            )
        }
        return out
    }

    private static func stages(_ table: TableReader, _ key: String) -> [TimeSpan]? {
        guard let texts = table.stringList(key) else { return nil }
        var out: [TimeSpan] = []
        for text in texts {
            guard let span = table.parsedText(text, key: key, TimeSpan.init(parsing:)) else { return nil }
            out.append(span)
        }
        if out != out.sorted(by: >) {
            table.error(
                key,
                "stages of `\(key)` must go from longest to shortest",
                hint: "e.g. [\"7d\", \"3d\", \"1d\"]"
            )
        }
        return out
    }

    private static func isDescending(_ thresholds: [DataThreshold]) -> Bool {
        zip(thresholds, thresholds.dropFirst()).allSatisfy { a, b in
            switch (a, b) {
            case (.amount(let x), .amount(let y)): x > y
            case (.percent(let x), .percent(let y)): x > y
            default: true
            }
        }
    }

    static func isValidID(_ id: String) -> Bool {
        !id.isEmpty
            && id.unicodeScalars.allSatisfy { c in
                ("a"..."z").contains(c) || ("0"..."9").contains(c) || c == "-" || c == "_" || c == "."
            }
    }
}

extension String {
    func replacingUnderscores() -> String { String(map { $0 == "_" ? "-" : $0 }) }
    func replacingComma() -> String { String(map { $0 == "," ? "." : $0 }) }
}

/// The rules a line gets when the configuration has no `[[rule]]` and the line no `[[line.rule]]`.
public enum DefaultRules {
    public static let all: [Rule] = [
        Rule(
            id: "low-data",
            kind: .dataBelow([.percent(20), .percent(5)]),
            severity: .warning,
            repeatPolicy: .every(.days(1))
        ),
        Rule(
            id: "expiring",
            kind: .expiresWithin([.days(7), .days(3), .days(1)]),
            severity: .warning,
            repeatPolicy: .diminishing(start: .days(1), cap: .days(7))
        ),
        Rule(id: "runs-out", kind: .runsOutBeforeExpiry, severity: .info, repeatPolicy: .once),
        Rule(id: "stale", kind: .stale(.days(1)), severity: .warning, repeatPolicy: .every(.days(1))),
    ]
}
