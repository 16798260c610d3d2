public import FoundationEssentials

/// Whether a rule's condition holds, and how far along its stages.
public enum RuleCondition: Sendable, Hashable {
    case clear
    /// Stage 0 is the first (mildest) stage; `expires_within` adds a last stage for "expired".
    case active(stage: Int)
}

/// Pure evaluation of one rule against one snapshot. `now` is an input; nothing here reads a clock.
public enum RuleEvaluator {
    /// Pace-based rules stay firing until the forecast clears the limit by this share, so a wobbling pace does
    /// not open a new episode (and a new reminder) every poll.
    public static let hysteresis = 0.1

    public static func evaluate(
        _ rule: Rule,
        snapshot: LineSnapshot,
        forecast: Forecast,
        now: Date,
        firing: Bool = false
    ) -> RuleCondition {
        let status = snapshot.status
        if status == .notActive, rule.kind.name != "stale" { return .clear }
        switch rule.kind {
        case .dataBelow(let thresholds):
            guard status != .unlimited, let remaining = snapshot.remaining else { return .clear }
            let crossed = thresholds.filter { t in
                guard let limit = t.bytes(of: snapshot.total) else { return false }
                return remaining.bytes < limit || (remaining.bytes == 0 && limit == 0)
            }
            return crossed.isEmpty ? .clear : .active(stage: crossed.count - 1)

        case .expiresWithin(let stages):
            guard let expiresAt = snapshot.expiresAt else {
                return status == .expired ? .active(stage: stages.count) : .clear
            }
            let left = expiresAt.timeIntervalSince(now)
            if left <= 0 || status == .expired { return .active(stage: stages.count) }
            let crossed = stages.filter { left <= $0.timeInterval }
            return crossed.isEmpty ? .clear : .active(stage: crossed.count - 1)

        case .runsOutWithin(let within):
            guard status != .unlimited, let runsOut = forecast.runsOutAt else { return .clear }
            let left = runsOut.timeIntervalSince(now)
            let limit = within.timeInterval * (firing ? 1 + hysteresis : 1)
            return left <= limit ? .active(stage: 0) : .clear

        case .runsOutBeforeExpiry:
            guard status != .unlimited, let runsOut = forecast.runsOutAt, let expiresAt = snapshot.expiresAt,
                expiresAt > now
            else { return .clear }
            let slack = firing ? expiresAt.timeIntervalSince(now) * hysteresis : 0
            return runsOut.timeIntervalSince(expiresAt) < slack ? .active(stage: 0) : .clear

        case .creditBelow(let threshold):
            guard let credit = snapshot.latest?.credit, credit.currency == threshold.currency else { return .clear }
            return credit.amount < threshold.amount ? .active(stage: 0) : .clear

        case .stale(let after):
            let since = snapshot.lastSuccessAt ?? snapshot.watchingSince
            return now.timeIntervalSince(since) >= after.timeInterval ? .active(stage: 0) : .clear
        }
    }
}
