public import FoundationEssentials

/// Where a line is heading at its recent pace.
public struct Forecast: Sendable, Hashable {
    /// Average use per day over the recent window; nil until there is enough history.
    public var pacePerDay: ByteCount?
    /// When data runs out at that pace; nil when not draining, unknown, or more than 100 years away.
    public var runsOutAt: Date?
    /// Remaining data divided by the days left before expiry: what one may use per day to last.
    public var dailyAllowance: ByteCount?

    public init(pacePerDay: ByteCount? = nil, runsOutAt: Date? = nil, dailyAllowance: ByteCount? = nil) {
        self.pacePerDay = pacePerDay
        self.runsOutAt = runsOutAt
        self.dailyAllowance = dailyAllowance
    }

    /// Least-squares slope of remaining data over the readings since the last top-up. Needs two readings at
    /// least `minimumSpan` apart; a top-up inside the window restarts it so a renewal is not read as negative use.
    public static func make(
        from snapshot: LineSnapshot,
        now: Date,
        minimumSpan: TimeSpan = .hours(2)
    ) -> Forecast {
        var forecast = Forecast()
        let remaining = snapshot.remaining
        if let remaining, let expiresAt = snapshot.expiresAt, expiresAt > now {
            let days = expiresAt.timeIntervalSince(now) / 86_400
            // Checked: a remaining amount beyond `Plausible` (an old row, a sum) divided by an hour could leave Int64.
            let allowance = Double(remaining.bytes) / max(days, 1.0 / 24)
            forecast.dailyAllowance = ByteCount(bytes: Plausible.integer(allowance.rounded(.towardZero)) ?? .max)
        }
        let points = sinceLastTopUp(snapshot.recent)
        guard let first = points.first, let last = points.last,
            last.observedAt.timeIntervalSince(first.observedAt) >= minimumSpan.timeInterval
        else { return forecast }

        let t0 = first.observedAt.timeIntervalSinceReferenceDate
        let xs = points.map { $0.observedAt.timeIntervalSinceReferenceDate - t0 }
        let ys = points.map { Double($0.effectiveRemaining?.bytes ?? 0) }
        let n = Double(points.count)
        let mx = xs.reduce(0, +) / n
        let my = ys.reduce(0, +) / n
        var sxy = 0.0
        var sxx = 0.0
        for (x, y) in zip(xs, ys) {
            sxy += (x - mx) * (y - my)
            sxx += (x - mx) * (x - mx)
        }
        guard sxx > 0 else { return forecast }
        let perSecond = -sxy / sxx
        guard perSecond > 0 else {
            forecast.pacePerDay = ByteCount(bytes: 0)
            return forecast
        }
        // Two readings a moment apart with a large drop give an enormous slope: saturate rather than trap.
        forecast.pacePerDay = ByteCount(bytes: Plausible.integer((perSecond * 86_400).rounded(.towardZero)) ?? .max)
        // A nearly flat history gives a run-out 10²⁰ years away: that is "not draining" (nil), not a date that
        // traps whoever converts it to whole seconds (the reminder's "lasts 3d 4h").
        if let remaining, case let left = Double(remaining.bytes) / perSecond, left <= Double(Plausible.maximumSeconds)
        {
            forecast.runsOutAt = now.addingTimeInterval(left)
        }
        return forecast
    }

    private static func sinceLastTopUp(_ readings: [Reading]) -> [Reading] {
        let usable = readings.filter { $0.effectiveRemaining != nil && !$0.estimated }
        var start = 0
        for i in usable.indices.dropFirst() {
            if let now = usable[i].effectiveRemaining, let before = usable[i - 1].effectiveRemaining,
                TopUp.isIncrease(from: before, to: now)
            {
                start = i
            }
        }
        return Array(usable[start...])
    }
}

/// Recognises a renewal or top-up between two readings.
public enum TopUp {
    /// Noise allowed before an increase counts as a top-up (1 MB or 1%, whichever is larger).
    public static func tolerance(_ before: ByteCount) -> Int64 {
        max(1_000_000, before.bytes / 100)
    }

    /// True when remaining data went up by more than the tolerance; compared in 128 bits so that amounts near
    /// `Int64.max` (an old row, an "unlimited" marker) cannot overflow the sum.
    public static func isIncrease(from before: ByteCount, to now: ByteCount) -> Bool {
        Int128(now.bytes) > Int128(before.bytes) + Int128(tolerance(before))
    }

    /// True when remaining data went up, or the expiry moved later by more than an hour.
    public static func detected(previous: Reading?, current: Reading) -> Bool {
        guard let previous else { return false }
        if let now = current.effectiveRemaining, let before = previous.effectiveRemaining,
            isIncrease(from: before, to: now)
        {
            return true
        }
        if let now = current.expiresAt, let before = previous.expiresAt, now.timeIntervalSince(before) > 3600 {
            return true
        }
        return false
    }
}
