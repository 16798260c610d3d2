import FoundationEssentials
import Logging
import SimwatchConfig
import SimwatchCore

extension Simwatch {
    /// Lists the discovering accounts when due and applies what changed as a reload of the configuration as read
    /// (discovered lines join or leave; the other lines and their state are untouched).
    func runDiscovery() async {
        while !Task.isCancelled {
            let now = clock.now()
            if ClockWatch.isSet(now), await discovery.listDue(now: now), let file = await discovery.file {
                do {
                    try await reload(file, now: clock.now())
                } catch {
                    discovery.logger.error("cannot apply the discovered lines: \(error)")
                }
            }
            // Nothing discovers: wait for a reload that brings an account (it pokes).
            let next = await discovery.nextDue(now: now).map { max($0, now + 1) }
            await discovery.wakeup.sleep(until: next, on: clock)
        }
    }
}
