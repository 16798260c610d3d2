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
        let entry = (try? store.latestObservedReading(line: line.id)) ?? nil
        let record = records[line.id] ?? LineRecord(lineID: line.id, firstSeen: now)
        let period = period(for: line, record: record, now: now)
        let recent = (try? store.readings(line: line.id, since: now - config.daemon.paceWindow)) ?? []
        let snapshot = LineSnapshot(
            line: line,
            period: period,
            latest: entry,
            recent: recent,
            lastSuccessAt: record.lastSuccess,
            watchingSince: record.firstSeen
        )
        let pace = Forecast.make(from: snapshot, now: now).pacePerDay
        guard
            let estimate = ManualProvider.estimate(from: entry, pace: pace, period: period, lineID: line.id, now: now)
        else { return }
        let text = Self.describe(estimate, zone: config.daemon.timeZone)
        logger.info("\(line.id): \(text)", metadata: ["line": "\(line.id)"])
        events.publish(EngineEvent(kind: .reading, at: now, lineID: line.id, summary: text, reading: estimate))
        lastOutcome[line.id] = .success(estimate)
        commitAssessment(of: line, trigger: .poll(.success(estimate)), now: now)
    }
}
