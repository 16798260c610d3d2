public import Logging
import SimwatchCore

/// A swift-log handler that writes the daemon's own log lines to the journal with the right `PRIORITY`, and
/// metadata appended to the message as `key=value`.
public struct JournalLogHandler: LogHandler {
    public var logLevel: Logger.Level = .info
    public var metadata: Logger.Metadata = [:]
    private let identifier: String
    private let journal = Journal()

    public init(identifier: String) {
        self.identifier = identifier
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var merged = metadata
        if let extra = event.metadata { merged.merge(extra) { $1 } }
        var text = "\(event.message)"
        if !merged.isEmpty {
            text += " " + merged.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        }
        do {
            try journal.send([
                ("MESSAGE", text),
                ("PRIORITY", String(Self.priority(event.level))),
                ("SYSLOG_IDENTIFIER", identifier),
            ])
        } catch {
            // The journal went away: a log line on stderr beats a lost one.
            StandardError.write("\(identifier): \(text)\n")
        }
    }

    static func priority(_ level: Logger.Level) -> Int {
        switch level {
        case .trace, .debug: 7
        case .info: 6
        case .notice: 5
        case .warning: 4
        case .error: 3
        case .critical: 2
        }
    }
}
