import FoundationEssentials
public import SimwatchCore
import SimwatchSQLite

/// Alert state (`alert`), one row per line and rule: idle, firing (stage, reminders) or resolved.
public struct AlertTable: Sendable {
    let queue: SerializedDatabase

    /// Every line's and rule's alert state.
    public func all() throws -> [AlertState] {
        try queue.read { db in try db.rows("SELECT * FROM alert").map(Self.state) }
    }

    /// One line's alert states (the primary key's prefix: no scan of the other lines).
    public func of(line: String) throws -> [AlertState] {
        try queue.read { db in try db.rows("SELECT * FROM alert WHERE line_id = ?", [line]).map(Self.state) }
    }

    /// The first `limit` alerts firing by line and rule, and how many fire in all.
    public func firing(limit: Int) throws -> (alerts: [AlertState], total: Int) {
        try queue.read { db in
            let alerts = try db.rows(
                "SELECT * FROM alert WHERE phase = 'firing' ORDER BY line_id, rule_id LIMIT ?",
                [max(0, limit)]
            ).map(Self.state)
            let total = try db.value(Int.self, "SELECT count(*) FROM alert WHERE phase = 'firing'") ?? 0
            return (alerts, total)
        }
    }

    static func state(_ row: Row) throws -> AlertState {
        var state = try AlertState(
            lineID: row["line_id"],
            ruleID: row["rule_id"],
            episode: row["episode"],
            snoozedUntil: StoredTime.date(row["snoozed_until"])
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
                    nextReminderAt: StoredTime.date(row["next_reminder"])
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
