import FoundationEssentials
import Glibc
public import SimwatchCore
import Synchronization

/// A simulated travel eSIM that drains at a steady average pace with a daily rhythm (more in the evening, less at
/// night). It reads the line's plan period exactly as a carrier adapter reads its API, so renewals, expiry and
/// every rule behave as they would on a real line.
public struct DemoProvider: UsageProvider {
    public let settings: DemoProviderSettings
    /// With `renewal_delay`, per line: the period shown, and a newer one with when it was first asked for. A
    /// provider is made for each poll, so the simulated carrier's memory lives here, as a carrier's would.
    private static let shown = Mutex<[String: (period: PlanPeriod?, newer: PlanPeriod?, since: Date?)]>([:])

    public init(settings: DemoProviderSettings) {
        self.settings = settings
    }

    /// The period to report: the line's, or with `renewal_delay` the one before it until the delay has passed.
    func period(_ current: PlanPeriod?, line: String, now: Date) -> PlanPeriod? {
        guard let delay = settings.renewalDelay else { return current }
        return Self.shown.withLock { lines in
            var shown = lines[line] ?? (nil, nil, nil)
            defer { lines[line] = shown }
            guard let old = shown.period, old != current else {
                shown = (current, nil, nil)
                return current
            }
            if shown.newer != current { shown = (old, current, now) }
            if let since = shown.since, now.timeIntervalSince(since) >= Double(delay.seconds) {
                shown = (current, nil, nil)
                return current
            }
            return old
        }
    }

    public func read(_ request: ReadRequest) async throws -> Reading {
        if settings.failEvery > 0, (request.attempt + 1) % settings.failEvery == 0 {
            throw ProviderError(.unavailable, "simulated outage (demo fail_every = \(settings.failEvery))")
        }
        guard let period = period(request.period, line: request.line.id, now: request.now), let quota = period.quota
        else {
            throw ProviderError(.malformed, "the demo plan has no quota")
        }
        let now = request.now
        let days = max(0, now.timeIntervalSince(period.startedAt)) / 86_400
        // Integral of pace × (1 + wobble × sin 2πt): monotonic for wobble ≤ 1, so usage never goes backwards.
        let wobble = min(max(settings.wobble, 0), 1)
        let usedDays = days + wobble * (1 - cos(2 * Double.pi * days)) / (2 * Double.pi)
        // In Double first: a large daily use over years of scaled time can exceed Int64, where Int64(_:) traps.
        let used = min(
            quota.bytes,
            Plausible.integer((Double(settings.dailyUse.bytes) * usedDays).rounded(.towardZero)) ?? .max
        )
        let remaining = quota.bytes - used

        var status = Reading.Status.active
        if let expires = period.expiresAt, expires <= now {
            status = .expired
        } else if remaining == 0 {
            status = .finished
        }
        // Carriers refresh their counters every few minutes; report the last 5-minute mark.
        let updated = Date(timeIntervalSince1970: (now.timeIntervalSince1970 / 300).rounded(.down) * 300)
        return Reading(
            lineID: request.line.id,
            observedAt: now,
            providerUpdatedAt: updated,
            remaining: ByteCount(bytes: remaining),
            used: ByteCount(bytes: used),
            total: quota,
            credit: settings.credit,
            expiresAt: period.expiresAt,
            status: status,
            source: "demo"
        )
    }
}
