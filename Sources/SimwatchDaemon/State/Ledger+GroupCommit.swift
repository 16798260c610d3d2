import FoundationEssentials
import SimwatchCore
import SimwatchStore

/// Group commit for the polls: a poll's writes (the attempt before the provider is asked, the judgement after it
/// answers) wait for the next commit instead of making their own, and everything that arrived while the state
/// thread was busy goes into one transaction. With one poll at a time that is one transaction per write, as before;
/// with a fleet polling continuously, one transaction holds the writes of a round of polls.
///
/// What a poll's caller sees does not change: it resumes once its writes are on disk (or refused), memory is
/// updated only after the commit, and a line has at most one write waiting: anything else about that line (another
/// judgement, a renewal, a snooze, a reload) commits the waiting group first.
extension Ledger {
    /// One poll's writes, waiting for the group's commit.
    struct GroupedWrite {
        enum Change {
            /// The attempt counted before the provider is asked.
            case attempt(LineRecord)
            /// A poll's judgement.
            case judgement(AssessmentOutcome)
        }

        var line: String
        var change: Change
        var batch: StoreBatch
        var now: Date
        var soonest: TimeInterval
        /// Resumed with nil once committed, or with when to try again if the database refused.
        var done: CheckedContinuation<Date?, Never>
    }

    /// Counts the attempt before the provider is asked (written with the group): a reply that crashes the daemon
    /// has counted as attempted, so after the restart the line waits its interval instead of being polled first
    /// again.
    func beginPoll(_ line: Line, now: Date, soonest: TimeInterval) async -> Result<ReadRequest, Refusal> {
        commitGroup(ifHolding: line.id)
        var record = book.records[line.id] ?? LineRecord(lineID: line.id, firstSeen: now)
        record.lastAttempt = now
        record.polls += 1
        var batch = StoreBatch()
        batch.lines = [record]
        if let retryAt = await join(line.id, .attempt(record), batch, now: now, soonest: soonest) {
            return .failure(Refusal(retryAt: retryAt))
        }
        return .success(
            ReadRequest(
                line: line,
                period: period(of: line, record: record, now: now),
                now: now,
                attempt: record.polls - 1
            )
        )
    }

    /// `judge`, written with the group: for a poll's outcome.
    func judgeGrouped(
        _ line: Line,
        trigger: AssessmentTrigger,
        now: Date,
        soonest: TimeInterval = 30
    ) async -> Judgement {
        commitGroup(ifHolding: line.id)
        let outcome = assess(line, trigger: trigger, now: now, record: nil)
        if let retryAt = await join(line.id, .judgement(outcome), StoreBatch(outcome), now: now, soonest: soonest) {
            return .refused(retryAt: retryAt)
        }
        return .committed(outcome)
    }

    /// Commits the waiting group now (before any other write, so writes reach the disk in the order they were made).
    func commitGroup() {
        guard !grouped.isEmpty else { return }
        let group = grouped
        grouped = []
        groupedLines = []
        var batch = StoreBatch()
        for write in group { batch.append(write.batch) }
        let now = group[group.count - 1].now
        do {
            try store.commit(batch)
            health.succeeded(now: now, logger: logger)
            for write in group { committed(write) }
        } catch  where group.count > 1 {
            // One write the database refuses must not refuse the others: each on its own.
            for write in group {
                do {
                    try store.commit(write.batch)
                    health.succeeded(now: write.now, logger: logger)
                    committed(write)
                } catch {
                    refused(write, error)
                }
            }
        } catch {
            refused(group[0], error)
        }
    }

    /// Commits the waiting group if it holds a write of `line` (what comes next about the line builds on it).
    func commitGroup(ifHolding line: String) {
        if groupedLines.contains(line) { commitGroup() }
    }

    private func join(
        _ line: String,
        _ change: GroupedWrite.Change,
        _ batch: StoreBatch,
        now: Date,
        soonest: TimeInterval
    ) async -> Date? {
        await withCheckedContinuation { continuation in
            grouped.append(
                GroupedWrite(line: line, change: change, batch: batch, now: now, soonest: soonest, done: continuation)
            )
            groupedLines.insert(line)
            if grouped.count == 1 {
                // Runs after the jobs already waiting for the state thread: the writes they make join this group.
                Task { self.commitGroup() }
            }
        }
    }

    private func committed(_ write: GroupedWrite) {
        switch write.change {
        case .attempt(let record):
            book.records[write.line] = record
        case .judgement(let outcome):
            book.apply(outcome, line: write.line)
            for event in outcome.events { events.publish(event) }
        }
        write.done.resume(returning: nil)
    }

    private func refused(_ write: GroupedWrite, _ error: any Error) {
        health.failed(error, doing: "line \(write.line)", now: write.now, logger: logger)
        write.done.resume(returning: health.retry(now: write.now, soonest: write.soonest))
    }
}

extension StoreBatch {
    /// Adds `other`'s writes after this batch's.
    mutating func append(_ other: StoreBatch) {
        lines += other.lines
        readings += other.readings
        alerts += other.alerts
        log += other.log
        reminders += other.reminders
        ledger += other.ledger
        cancelled += other.cancelled
        meta += other.meta
    }
}
