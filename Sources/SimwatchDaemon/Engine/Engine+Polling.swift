import FoundationEssentials
import Logging
import SimwatchCore
import SimwatchStore

extension Engine {
    /// Polls one line in its own task with a timeout, so a slow or failing source never holds up other lines.
    func startPoll(_ line: Line, now: Date) {
        if case .manual(let settings) = line.provider {
            estimateManual(line, settings: settings, now: now)
            return
        }
        var record = records[line.id] ?? LineRecord(lineID: line.id, firstSeen: now)
        // The attempt is written before the provider is asked: a reply that crashes the daemon has counted as
        // attempted, so after the restart the line waits its interval instead of being polled first again.
        record.lastAttempt = now
        record.polls += 1
        var batch = StoreBatch()
        batch.lines = [record]
        do {
            try store.commit(batch)
            storeSucceeded(now: now)
        } catch {
            storeFailed(error, doing: "line \(line.id)", now: now)
            polls.schedule(line.id, at: max(now + timing.firstRetry, storeTrouble?.retryAt ?? now))
            return
        }
        records[line.id] = record
        let request = ReadRequest(
            line: line,
            period: period(for: line, record: record, now: now),
            now: now,
            attempt: record.polls - 1
        )
        let provider = providers.make(for: line)
        let timeout = config.daemon.pollTimeout.timeInterval
        inFlight[line.id] = Task {
            let outcome: Result<Reading, ProviderError>
            do {
                outcome = .success(try await Self.withTimeout(seconds: timeout) { try await provider.read(request) })
            } catch let error as ProviderError {
                outcome = .failure(error)
            } catch {
                outcome = .failure(ProviderError(.unavailable, "\(error)"))
            }
            await self.finishPoll(line.id, requestedAt: now, outcome: outcome)
        }
    }

    func finishPoll(_ id: String, requestedAt: Date, outcome: Result<Reading, ProviderError>) async {
        inFlight[id] = nil
        guard !stopping else { return }
        guard let line = config.lines.first(where: { $0.id == id }) else { return }
        let now = requestedAt
        switch outcome {
        case .success(let reading):
            let text = Self.describe(reading, zone: config.daemon.timeZone)
            logger.info("\(line.id): \(text)", metadata: ["line": "\(line.id)"])
            events.publish(EngineEvent(kind: .reading, at: now, lineID: id, summary: text, reading: reading))
        case .failure(let error):
            logger.warning("\(line.id): poll failed: \(error)", metadata: ["line": "\(line.id)"])
            events.publish(EngineEvent(kind: .pollFailed, at: now, lineID: id, summary: "\(error)"))
        }
        lastOutcome[id] = outcome
        commitAssessment(of: line, trigger: .poll(outcome, attemptRecorded: true), now: now)
        lastPoll = (id, now, (try? outcome.get()) != nil)
        onChange?()
    }

    /// The next poll after this outcome: the interval (with jitter) after success, backoff after failure, and
    /// never sooner than a provider's `Retry-After`.
    func schedulePoll(_ line: Line, record: LineRecord, outcome: Result<Reading, ProviderError>, now: Date) {
        var delay = timing.delay(interval: line.pollInterval, failures: record.failures, random: random())
        if case .failure(let error) = outcome, let retryAfter = error.retryAfter, retryAfter > delay {
            delay = retryAfter
        }
        polls.schedule(line.id, at: now + delay)
    }

    static func describe(_ r: Reading, zone: ZoneInfo) -> String {
        var parts: [String] = []
        if let remaining = r.effectiveRemaining {
            parts.append(r.total.map { "\(remaining) left of \($0)" } ?? "\(remaining) left")
        }
        if let credit = r.credit { parts.append("credit \(credit)") }
        if let expires = r.expiresAt {
            let left = expires.timeIntervalSince(r.observedAt)
            parts.append(
                left > 0
                    ? "expires in \(TimeSpan(seconds: (Plausible.integer(left.rounded(.down)) ?? .max) / 60 * 60))"
                    : "expired"
            )
        }
        if r.status != .active, r.status != .expired { parts.append(r.status.rawValue) }
        if r.estimated { parts.append("estimated") }
        return parts.joined(separator: ", ")
    }

    static func withTimeout<T: Sendable>(
        seconds: Double,
        _ body: @escaping @Sendable () async throws -> T
    ) async throws -> T {
        try await withThrowingTaskGroup(of: T.self) { group in
            // A loop timer, not Task.sleep: see OneShotTimer.
            let (expiry, expired) = AsyncStream<Void>.makeStream()
            let timer = OneShotTimer(after: seconds) { expired.finish() }
            defer { timer.cancel() }
            group.addTask { try await body() }
            group.addTask {
                for await _ in expiry {}
                try Task.checkCancellation()
                throw ProviderError(.timeout, "no answer within \(TimeSpan(seconds: Plausible.integer(seconds) ?? 0))")
            }
            defer { group.cancelAll() }
            guard let first = try await group.next() else { throw CancellationError() }
            return first
        }
    }
}
