/// The plain forms of `simwatchctl status`, recognised without the argument parser.
///
/// `status` is what shell prompts and monitoring checks run, often, so its whole process should cost no more
/// than `vnstat --oneline`. swift-argument-parser builds its view of every command by reflection before it
/// parses anything, which took a third of the command's time. This accepts only what the parser would read the
/// same way: `status` followed by `--json`, `--no-color` and `--socket PATH` (or `--socket=PATH`), each at most
/// once, in any order. Anything else (help, a repeated or unknown option, a value that is empty or starts with
/// "-", other commands) returns nil, and the parser handles it with its own messages.
public enum StatusShortcut {
    /// The options of a plain `status` invocation; `arguments` excludes the program name.
    public static func options(for arguments: [String]) -> CommonOptions? {
        guard arguments.first == "status" else { return nil }
        var options = CommonOptions()
        var rest = arguments.dropFirst()[...]
        while let argument = rest.popFirst() {
            switch argument {
            case "--json" where !options.json:
                options.json = true
            case "--no-color" where !options.noColor:
                options.noColor = true
            case "--socket" where options.socket == nil:
                guard let value = rest.popFirst(), isPlainValue(value) else { return nil }
                options.socket = value
            case _ where argument.hasPrefix("--socket=") && options.socket == nil:
                let value = String(argument.dropFirst("--socket=".count))
                guard isPlainValue(value) else { return nil }
                options.socket = value
            default:
                return nil
            }
        }
        return options
    }

    /// A value the parser takes as a value, not as an option.
    private static func isPlainValue(_ value: String) -> Bool {
        !value.isEmpty && !value.hasPrefix("-")
    }
}
