public import FoundationEssentials
public import SimwatchDaemon

extension Engine {
    /// Runs everything due at `now` to completion: starts due polls, waits for them, then delivers what they
    /// queued and waits for the deliveries. The run loop does the same in steps driven by its timer and `onChange`.
    public func settle(now: Date) async {
        await runDue(now: now)
        await drain()
        await runDue(now: now)
        await drain()
    }
}
