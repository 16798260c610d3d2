public import FoundationEssentials

extension LineRecord {
    /// The plan period in force: a renewal recorded by hand or detected, until it ends; otherwise the
    /// configuration's plan (re-derived, so a monthly cycle rolls over by itself).
    public func period(of line: Line, now: Date, zone: ZoneInfo) -> PlanPeriod {
        if let renewal = renewal(now: now) { return renewal }
        return line.plan.period(firstSeen: firstSeen, now: now, zone: zone)
    }

    /// Sets the period for `now`; a renewal that ended hands the line back to the configuration.
    public mutating func refreshPeriod(of line: Line, now: Date, zone: ZoneInfo) {
        if periodOrigin == "renewal", renewal(now: now) == nil {
            periodOrigin = "config"
        }
        period = period(of: line, now: now, zone: zone)
    }

    /// A recorded renewal's period while it lasts: it ends at its expiry like any other period.
    public func renewal(now: Date) -> PlanPeriod? {
        guard periodOrigin == "renewal", let period else { return nil }
        if let end = period.expiresAt, now >= end { return nil }
        return period
    }
}
