import FoundationEssentials
import SimwatchControl
import SimwatchCore
import SimwatchStore

/// Domain values as io.simwatch.Control types: times as RFC 3339 in the daemon's zone, amounts in bytes.
struct WireFormat: Sendable {
    let zone: ZoneInfo

    func time(_ date: Date) -> String { date.iso8601(in: zone) }

    /// Parses a time parameter: RFC 3339, or a zone-less form read in the daemon's zone, between 1970-01-01 and
    /// 9999-12-31 (`Plausible`).
    func date(_ text: String, parameter: String) throws(ControlError) -> Date {
        do {
            return try Plausible.date(Date(parsing: text, zone: zone), what: "`\(parameter)`")
        } catch {
            throw .invalidArgument(parameter, error.description)
        }
    }

    /// A byte count parameter, 0 to 1 PB: `renew --data` or `record --remaining` near Int64.max would overflow
    /// the daemon's sums.
    func bytes(_ value: Int64?, parameter: String) throws(ControlError) -> ByteCount? {
        guard let value else { return nil }
        do {
            return try Plausible.bytes(ByteCount(bytes: value), what: "`\(parameter)`")
        } catch {
            throw .invalidArgument(parameter, error.description)
        }
    }

    /// A length parameter in seconds, 0 to 100 years: `renew --valid` near Int64.max would overflow `now + valid`.
    func span(seconds value: Int64?, parameter: String) throws(ControlError) -> TimeSpan? {
        guard let value else { return nil }
        do {
            return try Plausible.span(TimeSpan(seconds: value), what: "`\(parameter)`")
        } catch {
            throw .invalidArgument(parameter, error.description)
        }
    }

    func reading(_ r: Reading) -> ReadingInfo {
        ReadingInfo(
            observedAt: time(r.observedAt),
            providerUpdatedAt: r.providerUpdatedAt.map(time),
            remainingBytes: r.effectiveRemaining?.bytes,
            usedBytes: r.used?.bytes,
            totalBytes: r.total?.bytes,
            credit: r.credit?.description,
            expiresAt: r.expiresAt.map(time),
            status: r.status.rawValue,
            source: r.source,
            estimated: r.estimated
        )
    }

    func reading(from p: RecordReading.Parameters) throws(ControlError) -> Reading {
        var credit: Money?
        if let text = p.credit {
            do {
                credit = try Money(parsing: text)  // at most 10^12, like every amount of money
            } catch {
                throw .invalidArgument("credit", error.description)
            }
        }
        return Reading(
            lineID: p.line,
            observedAt: .distantPast,
            remaining: try bytes(p.remainingBytes, parameter: "remaining_bytes"),
            used: try bytes(p.usedBytes, parameter: "used_bytes"),
            total: try bytes(p.totalBytes, parameter: "total_bytes"),
            credit: credit,
            expiresAt: try p.expiresAt.map { text throws(ControlError) in try date(text, parameter: "expires_at") },
            source: "manual"
        )
    }

    func plan(_ period: PlanPeriod, origin: String) -> PlanInfo {
        PlanInfo(
            startedAt: time(period.startedAt),
            quotaBytes: period.quota?.bytes,
            expiresAt: period.expiresAt.map(time),
            origin: origin
        )
    }

    func summary(_ s: LineState) -> LineSummary {
        LineSummary(
            id: s.line.id,
            name: s.line.name,
            provider: s.line.provider.type,
            pollIntervalSeconds: s.line.pollInterval.seconds,
            reading: s.latest.map(reading),
            plan: s.period.map { plan($0, origin: s.record?.periodOrigin ?? "config") },
            firing: s.alerts.filter(\.isFiring).map(\.ruleID),
            lastPollAt: s.record?.lastAttempt.map(time),
            lastSuccessAt: s.record?.lastSuccess.map(time),
            lastError: s.record?.lastError,
            nextPollAt: s.nextPoll.map(time)
        )
    }

    func alert(_ a: AlertState, rule: Rule) -> AlertInfo {
        var info = AlertInfo(
            line: a.lineID,
            rule: a.ruleID,
            kind: rule.kind.reminderKind.rawValue,
            severity: rule.severity.rawValue,
            state: "idle",
            episode: a.episode,
            snoozedUntil: a.snoozedUntil.map(time)
        )
        switch a.phase {
        case .idle: break
        case .firing(let f):
            info.state = "firing"
            info.stage = f.stage
            info.occurrence = f.occurrence
            info.since = time(f.since)
            info.lastNotifiedAt = time(f.lastNotifiedAt)
            info.nextReminderAt = f.nextReminderAt.map(time)
        case .resolved(let at, let reason):
            info.state = "resolved"
            info.resolvedAt = time(at)
            info.resolvedReason = reason.rawValue
        }
        return info
    }

    /// Alerts with their rules looked up in the configuration in force.
    func alerts(_ states: [AlertState], lines: RunningConfig.Snapshot) -> [AlertInfo] {
        states.compactMap { state in
            lines.line(state.lineID)?.rules.first { $0.id == state.ruleID }.map { alert(state, rule: $0) }
        }
    }

    func outcome(_ line: String, _ result: Result<Reading, ProviderError>) -> PollOutcome {
        switch result {
        case .success(let r): PollOutcome(line: line, ok: true, reading: reading(r), error: nil)
        case .failure(let e): PollOutcome(line: line, ok: false, reading: nil, error: e.description)
        }
    }

    func event(_ e: WatchEvent) -> ControlEvent {
        ControlEvent(
            kind: e.kind.rawValue,
            at: time(e.at),
            line: e.lineID,
            rule: e.ruleID,
            event: e.event,
            summary: e.summary,
            reading: e.reading.map(reading),
            notificationId: e.notificationID,
            channel: e.channel
        )
    }
}
