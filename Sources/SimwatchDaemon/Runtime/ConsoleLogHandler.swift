public import Logging
import SimwatchChannels
import SimwatchCore

/// Plain log lines on stderr for a terminal or the demo: "simwatchd: warning: fr-travel: poll failed ...".
public struct ConsoleLogHandler: LogHandler {
    public var logLevel: Logger.Level = .info
    public var metadata: Logger.Metadata = [:]
    private let style = ConsoleStyle()

    public init() {}

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        let level: String
        switch event.level {
        case .trace, .debug: level = "debug: "
        case .info: level = ""
        case .notice: level = "notice: "
        case .warning: level = style.colour ? "\u{1B}[33mwarning\u{1B}[0m: " : "warning: "
        case .error, .critical: level = style.colour ? "\u{1B}[31merror\u{1B}[0m: " : "error: "
        }
        StandardError.write("simwatchd: \(level)\(event.message)\n")
    }
}
