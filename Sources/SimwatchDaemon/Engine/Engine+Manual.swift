import FoundationEssentials
import Logging
import SimwatchCore
import SimwatchStore

extension Engine {
    /// A manual line's turn: nothing is read. When the line allows it and there is a pace to go on, what is
    /// probably left now is stored and judged as an estimate; the stale rule keeps counting from the last entry.
    func estimateManual(_ line: Line, settings: ManualProviderSettings, now: Date) {
        defer {
            polls.schedule(line.id, at: now + line.pollInterval)
            onChange?()
        }
        guard settings.estimate else { return }
        guard
            let estimate = ManualEstimate.reading(
                line: line,
                record: records[line.id] ?? LineRecord(lineID: line.id, firstSeen: now),
                entry: (try? store.latestObservedReading(line: line.id)) ?? nil,
                recent: (try? store.readings(line: line.id, since: now - config.daemon.paceWindow)) ?? [],
                now: now,
                zone: config.daemon.timeZone
            )
        else { return }
        let text = Self.describe(estimate, zone: config.daemon.timeZone)
        logger.info("\(line.id): \(text)", metadata: ["line": "\(line.id)"])
        events.publish(EngineEvent(kind: .reading, at: now, lineID: line.id, summary: text, reading: estimate))
        lastOutcome[line.id] = .success(estimate)
        commitAssessment(of: line, trigger: .poll(.success(estimate), attemptRecorded: false), now: now)
    }
}
