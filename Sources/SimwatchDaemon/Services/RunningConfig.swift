public import SimwatchConfig
public import SimwatchCore
import Synchronization

/// The configuration in force, shared by the services: replaced as a whole on reload, read without waiting. What
/// every assessment and poll needs from it (the lines by id, the assessment's settings) is worked out once per
/// reload, not per use.
public final class RunningConfig: Sendable {
    public struct Snapshot: Sendable {
        public let config: Config
        public let lines: [String: Line]
        public let assessment: AssessmentSettings

        init(_ config: Config) {
            self.config = config
            var lines: [String: Line] = [:]
            for line in config.lines { lines[line.id] = line }
            self.lines = lines
            assessment = AssessmentSettings(config)
        }
    }

    private let current: Mutex<Snapshot>

    public init(_ config: Config) {
        current = Mutex(Snapshot(config))
    }

    public var snapshot: Snapshot { current.withLock { $0 } }

    public var config: Config { snapshot.config }

    public func line(_ id: String) -> Line? { snapshot.lines[id] }

    func replace(with config: Config) {
        let fresh = Snapshot(config)
        current.withLock { $0 = fresh }
    }
}
