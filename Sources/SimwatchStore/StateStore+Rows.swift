import FoundationEssentials
import SimwatchCore
import SimwatchSQLite

/// Row mapping. Dates are REAL seconds since 1970; amounts INTEGER bytes; money TEXT decimal plus currency.
extension StateStore {
    static func date(_ value: Double?) -> Date? { value.map(Date.init(timeIntervalSince1970:)) }

    static func lineRecord(_ row: Row) throws -> LineRecord {
        var period: PlanPeriod?
        if let started: Double = try row["period_started"] {
            period = try PlanPeriod(
                startedAt: Date(timeIntervalSince1970: started),
                quota: (row["period_quota"] as Int64?).map(ByteCount.init(bytes:)),
                expiresAt: date(row["period_expires"])
            )
        }
        return try LineRecord(
            lineID: row["line_id"],
            firstSeen: Date(timeIntervalSince1970: row["first_seen"]),
            period: period,
            periodOrigin: row["period_origin"],
            lastAttempt: date(row["last_attempt"]),
            lastSuccess: date(row["last_success"]),
            failures: row["failures"],
            lastError: row["last_error"],
            polls: row["polls"],
            renewals: row["renewals"],
            renewedAt: date(row["renewed_at"])
        )
    }

    static func save(_ r: LineRecord, _ db: Database) throws {
        try db.execute(
            """
            INSERT OR REPLACE INTO line_state(line_id, first_seen, period_started, period_quota, period_expires,
                period_origin, last_attempt, last_success, failures, last_error, polls, renewals, renewed_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [
                r.lineID, r.firstSeen.timeIntervalSince1970, r.period?.startedAt.timeIntervalSince1970,
                r.period?.quota?.bytes, r.period?.expiresAt?.timeIntervalSince1970, r.periodOrigin,
                r.lastAttempt?.timeIntervalSince1970, r.lastSuccess?.timeIntervalSince1970, r.failures, r.lastError,
                r.polls, r.renewals, r.renewedAt?.timeIntervalSince1970,
            ]
        )
    }

    static func reading(_ row: Row) throws -> Reading {
        var credit: Money?
        if let text: String = try row["credit"], let currency: String = try row["currency"],
            let amount = Decimal(string: text)
        {
            credit = Money(amount: amount, currency: currency)
        }
        let statusText: String = try row["status"]
        return try Reading(
            lineID: row["line_id"],
            observedAt: Date(timeIntervalSince1970: row["observed_at"]),
            providerUpdatedAt: date(row["provider_updated_at"]),
            remaining: (row["remaining"] as Int64?).map(ByteCount.init(bytes:)),
            used: (row["used"] as Int64?).map(ByteCount.init(bytes:)),
            total: (row["total"] as Int64?).map(ByteCount.init(bytes:)),
            credit: credit,
            expiresAt: date(row["expires_at"]),
            status: Reading.Status(rawValue: statusText) ?? .unknown,
            source: row["source"],
            estimated: row["estimated"]
        )
    }

    static func insert(_ r: Reading, _ db: Database) throws {
        try db.execute(
            """
            INSERT INTO reading(line_id, observed_at, provider_updated_at, remaining, used, total, credit,
                currency, expires_at, status, source, estimated)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [
                r.lineID, r.observedAt.timeIntervalSince1970, r.providerUpdatedAt?.timeIntervalSince1970,
                r.remaining?.bytes, r.used?.bytes, r.total?.bytes, r.credit.map { "\($0.amount)" },
                r.credit?.currency, r.expiresAt?.timeIntervalSince1970, r.status.rawValue, r.source, r.estimated,
            ]
        )
    }

    static func alertState(_ row: Row) throws -> AlertState {
        var state = try AlertState(
            lineID: row["line_id"],
            ruleID: row["rule_id"],
            episode: row["episode"],
            snoozedUntil: date(row["snoozed_until"])
        )
        let phase: String = try row["phase"]
        switch phase {
        case "firing":
            state.phase = try .firing(
                AlertState.Firing(
                    since: Date(timeIntervalSince1970: row["since"]),
                    stage: row["stage"],
                    occurrence: row["occurrence"],
                    stageReminders: (row["stage_reminders"] as Int?) ?? 1,
                    lastNotifiedAt: Date(timeIntervalSince1970: row["last_notified"]),
                    nextReminderAt: date(row["next_reminder"])
                )
            )
        case "resolved":
            let reason: String = (try row["resolve_reason"] as String?) ?? "cleared"
            state.phase = .resolved(
                at: Date(timeIntervalSince1970: (try row["resolved_at"] as Double?) ?? 0),
                reason: AlertState.ResolveReason(rawValue: reason) ?? .cleared
            )
        default:
            state.phase = .idle
        }
        return state
    }

    static func save(_ a: AlertState, _ db: Database) throws {
        var phase = "idle"
        var firing: AlertState.Firing?
        var resolvedAt: Double?
        var reason: String?
        switch a.phase {
        case .idle: break
        case .firing(let f):
            phase = "firing"
            firing = f
        case .resolved(let at, let why):
            phase = "resolved"
            resolvedAt = at.timeIntervalSince1970
            reason = why.rawValue
        }
        try db.execute(
            """
            INSERT OR REPLACE INTO alert(line_id, rule_id, episode, phase, since, stage, occurrence,
                stage_reminders, last_notified, next_reminder, resolved_at, resolve_reason, snoozed_until)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [
                a.lineID, a.ruleID, a.episode, phase, firing?.since.timeIntervalSince1970, firing?.stage,
                firing?.occurrence, firing?.stageReminders, firing?.lastNotifiedAt.timeIntervalSince1970,
                firing?.nextReminderAt?.timeIntervalSince1970, resolvedAt, reason,
                a.snoozedUntil?.timeIntervalSince1970,
            ]
        )
    }
}
