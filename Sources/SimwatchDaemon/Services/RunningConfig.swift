public import SimwatchConfig
public import SimwatchCore
import Synchronization

/// The configuration in force, shared by the services: replaced as a whole on reload, read without waiting. What
/// every assessment and poll needs from it (the lines by id, the assessment's settings) is worked out once per
/// reload, not per use.
public final class RunningConfig: Sendable {
    public struct Snapshot: Sendable {
        public let config: Config
        /// Each line's place in `config.lines`: a line is found in O(1) and a page of lines starts in O(1), with
        /// the lines themselves held once (in the configuration's array).
        public let positions: [String: Int]
        public let assessment: AssessmentSettings

        init(_ config: Config) {
            self.config = config
            var positions: [String: Int] = [:]
            positions.reserveCapacity(config.lines.count)
            for (index, line) in config.lines.enumerated() {
                positions[line.id] = index
            }
            self.positions = positions
            assessment = AssessmentSettings(config)
        }

        /// The line with this id, if the configuration has one.
        public func line(_ id: String) -> Line? {
            positions[id].map { config.lines[$0] }
        }

        /// The ids of every line, in no particular order.
        public var lineIDs: Dictionary<String, Int>.Keys { positions.keys }

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

    public func line(_ id: String) -> Line? { snapshot.line(id) }

    func replace(with config: Config) {
        let fresh = Snapshot(config)
        current.withLock { $0 = fresh }
    }
}
