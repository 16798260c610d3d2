public import FoundationEssentials
public import SimwatchDaemon

extension Simwatch {
    /// Runs everything due at `now` to completion: starts due polls, waits for them, then delivers what they
    /// queued and waits for the deliveries. The services' loops do the same when their clock wakes them.
    public func settle(now: Date) async {
        await runDue(now: now)
        await drain()
        await runDue(now: now)
        await drain()
    }

    /// Steps through time like the services' loops would, on a manual clock: everything due up to `end` runs in
    /// the order it falls due, the clock showing each due time in turn (as swift-nio's embedded event loop runs its
    /// scheduled tasks when a test advances its time).
    public func advance(_ clock: ManualClock, to end: Date) async {
        while let next = await nextWake(), next <= end {
            if next > clock.now() { clock.set(next) }
            await settle(now: clock.now())
        }
        clock.set(end)
        await settle(now: end)
    }
}
