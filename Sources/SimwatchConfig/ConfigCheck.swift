import SimwatchCore

/// `--check-config`: validate a file, print a summary or every problem, return the exit status (0 or 1).
public enum ConfigCheck {
    static func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }

    package static func run(
        path: String,
        environment: [String: String],
        sources: [any ProviderDecoder.Family.Type],
        channels: [any ChannelDecoder.Family.Type]
    ) -> Int32 {
        do {
            let config = try Config.load(path: path, environment: environment, sources: sources, channels: channels)
            let rules = config.lines.reduce(0) { $0 + $1.rules.count }
            print("\(path): OK (\(plural(config.lines.count, "line")), \(plural(rules, "rule")))")
            for line in config.lines {
                let ruleList = line.rules.map(\.id).joined(separator: ", ")
                print(
                    "  \(line.id)  \(line.name)  [\(line.provider.type), every \(line.pollInterval)]  rules: \(ruleList)"
                )
            }
            return 0
        } catch {
            for diagnostic in error.diagnostics {
                StandardError.write("\(diagnostic)\n")
            }
            let n = error.diagnostics.count
            StandardError.write("\(path): \(n) problem\(n == 1 ? "" : "s") found\n")
            return 1
        }
    }
}
