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
        /// Each line's place in `config.lines`, so a page of lines starts in O(1).
        public let positions: [String: Int]
        public let assessment: AssessmentSettings

        init(_ config: Config) {
            self.config = config
            var lines: [String: Line] = [:]
            var positions: [String: Int] = [:]
            lines.reserveCapacity(config.lines.count)
            positions.reserveCapacity(config.lines.count)
            for (index, line) in config.lines.enumerated() {
                lines[line.id] = line
                positions[line.id] = index
            }
            self.lines = lines
            self.positions = positions
            assessment = AssessmentSettings(config)
        }

        /// At most `limit` lines in configuration order after the line `after` (from the first when nil), and whether
        /// more follow; nil when `after` names no line.
        public func page(after: String?, limit: Int) -> (lines: ArraySlice<Line>, more: Bool)? {
            var start = 0
            if let after {
                guard let position = positions[after] else { return nil }
                start = position + 1
            }
            let all = config.lines
            let end = min(all.count, start + max(0, limit))
            return (all[start..<end], end < all.count)
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
