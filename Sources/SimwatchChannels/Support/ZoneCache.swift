import SimwatchCore
import Synchronization

/// Zones by identifier, loaded once each: a reminder names the zone it was written in, so a reload that changes
/// `time_zone` shows later reminders in the new zone without re-reading zone files for every delivery.
final class ZoneCache: Sendable {
    private let zones = Mutex<[String: ZoneInfo]>([:])

    func zone(_ identifier: String, fallback: ZoneInfo) -> ZoneInfo {
        if identifier == fallback.identifier { return fallback }
        if let cached = zones.withLock({ $0[identifier] }) { return cached }
        guard let loaded = try? ZoneInfo(identifier: identifier) else { return fallback }
        zones.withLock { $0[identifier] = loaded }
        return loaded
    }
}
