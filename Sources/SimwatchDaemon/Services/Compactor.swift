import FoundationEssentials
import SimwatchCore

/// Rolls old readings up at start and then every six hours of (possibly simulated) time.
struct Compactor: Sendable {
    static let interval: TimeInterval = 6 * 3600

    let ledger: Ledger
    let clock: any DaemonClock

    func run() async {
        while !Task.isCancelled {
            let now = clock.now()
            if ClockWatch.isSet(now) { await ledger.compact(now: now) }
            do { try await clock.sleep(until: now + Self.interval) } catch { return }
        }
    }
}
