public import FoundationEssentials

/// A manual line between entries: what is probably left now, from the last entry and the recent pace.
public enum ManualEstimate {
    /// The estimate for `line` at `now`, from its last observed `entry` and the readings of the pace window;
    /// nil when there is nothing to go on.
    public static func reading(
        line: Line,
        record: LineRecord,
        entry: Reading?,
        recent: [Reading],
        now: Date,
        zone: ZoneInfo
    ) -> Reading? {
        let period = record.period(of: line, now: now, zone: zone)
        let snapshot = LineSnapshot(
            line: line,
            period: period,
            latest: entry,
            recent: recent,
            lastSuccessAt: record.lastSuccess,
            watchingSince: record.firstSeen
        )
        let pace = Forecast.make(from: snapshot, now: now).pacePerDay
        return estimate(from: entry, pace: pace, period: period, lineID: line.id, now: now)
    }

    /// What is probably left now: the last entry minus the recent pace since then, marked as an estimate. Nil when
    /// there is nothing to go on (no entry with data left, or no pace yet) or the plan is unlimited.
    public static func estimate(
        from entry: Reading?,
        pace: ByteCount?,
        period: PlanPeriod?,
        lineID: String,
        now: Date
    ) -> Reading? {
        guard let entry, entry.status != .unlimited, let left = entry.effectiveRemaining, let pace, pace.bytes > 0,
            now > entry.observedAt
        else { return nil }
        let days = now.timeIntervalSince(entry.observedAt) / 86_400
        // In Double first: a pace times years of days can exceed Int64, where the conversion would trap.
        let spent = (Double(pace.bytes) * days).rounded()
        let remaining = spent >= Double(left.bytes) ? 0 : max(0, left.bytes - Int64(spent))
        let total = entry.total ?? period?.quota
        let expires = entry.expiresAt ?? period?.expiresAt
        var status = entry.status
        if let expires, expires <= now {
            status = .expired
        } else if remaining == 0 {
            status = .finished
        }
        return Reading(
            lineID: lineID,
            observedAt: now,
            providerUpdatedAt: entry.observedAt,
            remaining: ByteCount(bytes: remaining),
            used: total.map { ByteCount(bytes: max(0, $0.bytes - remaining)) },
            total: total,
            credit: entry.credit,
            expiresAt: expires,
            status: status,
            source: "manual",
            estimated: true
        )
    }
}
