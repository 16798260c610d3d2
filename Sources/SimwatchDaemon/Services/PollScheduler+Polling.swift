public import FoundationEssentials
import Logging
import SimwatchConfig
public import SimwatchCore
import SimwatchProviders

extension PollScheduler {
    /// Polls one line in its own task with a timeout. A manual line is not read: it may get an estimate instead,
    /// which is returned.
    @discardableResult
    func start(_ line: Line, now: Date) async -> Reading? {
        if case .byHand(let estimated) = line.provider.polling {
            defer { queue.schedule(line.id, at: now + line.pollInterval) }
            guard estimated, let estimate = await ledger.estimate(line, now: now) else { return nil }
            let text = ReadingText.describe(estimate)
            parts.logger.info("\(line.id): \(text)", metadata: ["line": "\(line.id)"])
            parts.events.publish(WatchEvent(kind: .reading, at: now, lineID: line.id, summary: text, reading: estimate))
            await judge(line, .poll(.success(estimate), attemptRecorded: false), now: now)
            return estimate
        }
        let request: ReadRequest
        switch await ledger.beginPoll(line, now: now, soonest: parts.timing.firstRetry.timeInterval) {
        case .success(let r): request = r
        case .failure(let refusal):
            queue.schedule(line.id, at: refusal.retryAt)
            return nil
        }
        let provider = parts.providers.make(for: line)
        let seconds = parts.running.config.daemon.pollTimeout.timeInterval
        let clock = parts.clock
        parts.polling.insert(line.id)
        inFlight[line.id] = Task {
            let outcome = await Deadline.run(seconds: seconds, on: clock) {
                do {
                    return Result<Reading, ProviderError>.success(try await provider.read(request))
                } catch let error as ProviderError {
                    return .failure(error)
                } catch {
                    return .failure(ProviderError(.unavailable, "\(error)"))
                }
            }
            let result =
                outcome
                ?? .failure(
                    ProviderError(.timeout, "no answer within \(TimeSpan(seconds: Plausible.integer(seconds) ?? 0))")
                )
            await self.finish(line.id, requestedAt: now, outcome: result)
            return result
        }
        return nil
    }

    func finish(_ id: String, requestedAt now: Date, outcome: Result<Reading, ProviderError>) async {
        guard !stopping, let line = parts.running.line(id) else {
            inFlight[id] = nil
            parts.polling.remove(id)
            return
        }
        switch outcome {
        case .success(let reading):
            let text = ReadingText.describe(reading)
            parts.logger.info("\(line.id): \(text)", metadata: ["line": "\(line.id)"])
            parts.events.publish(WatchEvent(kind: .reading, at: now, lineID: id, summary: text, reading: reading))
        case .failure(let error):
            parts.logger.warning("\(line.id): poll failed: \(error)", metadata: ["line": "\(line.id)"])
            parts.events.publish(WatchEvent(kind: .pollFailed, at: now, lineID: id, summary: "\(error)"))
        }
        // The provider has answered: its slot is free. The next waiting lines start while this one is judged, so
        // their attempts and this judgement go to the state database in one transaction. The poll stays in flight
        // until judged (`drain` waits for it; `poll` of the line gets this outcome).
        answered += 1
        let next = await withTaskGroup(of: Date?.self) { group in
            group.addTask {
                await self.startWaiting(now: now)
                return nil
            }
            group.addTask { await self.nextPoll(line, outcome, now: now) }
            var next: Date?
            for await date in group where date != nil { next = date }
            return next
        }
        answered -= 1
        // Scheduled only now, with no wait before the line leaves the polls in flight: the run loop drops a due
        // line that is still in flight (its poll's end schedules it), so it must not find it due before then.
        if let next { queue.schedule(id, at: next) }
        lastPoll = LatestPoll(line: id, at: now, ok: (try? outcome.get()) != nil)
        inFlight[id] = nil
        parts.polling.remove(id)
        await startWaiting(now: now)
        wakeup.poke()
    }

    /// Judges a poll's outcome; returns when the line is polled next: the interval (with jitter) after success,
    /// back-off after failure, never sooner than `Retry-After`; soon when the database refused.
    private func nextPoll(_ line: Line, _ outcome: Result<Reading, ProviderError>, now: Date) async -> Date {
        let record: LineRecord
        switch await judgement(line, .poll(outcome, attemptRecorded: true), now: now, grouped: true) {
        case .success(let r): record = r
        case .failure(let refusal): return refusal.retryAt
        }
        var delay = parts.timing.delay(
            interval: line.pollInterval,
            failures: record.failures,
            random: parts.random()
        )
        if case .failure(let error) = outcome, let retryAfter = error.retryAfter, retryAfter > delay {
            delay = retryAfter
        }
        // A renewal waiting for the provider to show it: ask again soon rather than after the whole interval.
        if case .success = outcome, let check = record.check {
            delay = check.recheck(after: delay, floor: line.provider.minimumPollInterval)
        }
        return now + delay
    }

    /// Has the ledger judge the line and passes on what came of it: the next repeat reminder, and the outbox's
    /// news. Returns the committed record, or nil when the database refused (the line is tried again then).
    @discardableResult
    func judge(_ line: Line, _ trigger: AssessmentTrigger, now: Date) async -> LineRecord? {
        switch await judgement(line, trigger, now: now, grouped: false) {
        case .success(let record):
            return record
        case .failure(let refusal):
            queue.schedule(line.id, at: refusal.retryAt)
            return nil
        }
    }

    /// `judge` without scheduling anything. `grouped`: the judgement is committed with the other polls' writes of
    /// the round (Ledger+GroupCommit.swift).
    private func judgement(
        _ line: Line,
        _ trigger: AssessmentTrigger,
        now: Date,
        grouped: Bool
    ) async -> Result<LineRecord, Refusal> {
        let soonest = parts.timing.firstRetry.timeInterval
        let judgement =
            grouped
            ? await ledger.judgeGrouped(line, trigger: trigger, now: now, soonest: soonest)
            : await ledger.judge(line, trigger: trigger, now: now, soonest: soonest)
        switch judgement {
        case .committed(let outcome):
            await repeats.set(line.id, at: outcome.nextReminderAt)
            if !outcome.reminders.isEmpty { outbox.wakeup.poke() }
            return .success(outcome.record)
        case .refused(let retryAt):
            return .failure(Refusal(retryAt: retryAt))
        }
    }

    /// Reads the lines now, waits for the results, and returns each outcome.
    public func pollNow(
        _ lines: [Line],
        now: Date
    ) async throws(RequestError) -> [(String, Result<Reading, ProviderError>)] {
        guard !stopping else { throw .shuttingDown }
        var results: [(String, Result<Reading, ProviderError>)] = []
        var estimates: [String: Reading] = [:]
        var queued: [String: Date] = [:]
        for line in lines where inFlight[line.id] == nil {
            // Poll-now obeys the account's rate limit: no free slot now, the poll waits in the queue for it.
            if let slot = pace(line, now: now) {
                queue.schedule(line.id, at: slot)
                queued[line.id] = slot
                continue
            }
            queue.remove(line.id)
            estimates[line.id] = await start(line, now: now)
        }
        if !queued.isEmpty { wakeup.poke() }
        for line in lines {
            if let task = inFlight[line.id] {
                results.append((line.id, await task.value))
            } else if let estimate = estimates[line.id] {
                results.append((line.id, .success(estimate)))
            } else if let slot = queued[line.id] {
                results.append((line.id, .failure(queuedAnswer(line, slot: slot, now: now))))
            }
        }
        return results
    }

    /// Waits for every poll in flight (tests, and a graceful stop).
    public func drain() async {
        while let task = inFlight.first?.value { _ = await task.value }
    }

    /// Graceful stop: polls in flight are cancelled and their outcome discarded (the next start polls again).
    public func stop() async {
        stopping = true
        for task in inFlight.values { task.cancel() }
        await drain()
    }
}
