public import FoundationEssentials
public import SimwatchCore

/// Turns successive counter samples into bytes used, surviving what vnStat survives: a reboot (the boot id
/// changes: counters restart from zero), an interface removed and added again (it is missing for a while, or
/// its ifindex changes), a 32-bit or 64-bit counter wrapping, a sample implying an impossible rate (discarded and
/// taken as the new baseline), and the daemon being down (the traffic in between is counted when it comes back,
/// as long as the machine did not reboot meanwhile).
public struct CounterAccumulator: Sendable {
    public var direction: CounterProviderSettings.Direction
    /// Bytes per second above which a sample is implausible.
    public var maxRate: Int64

    public init(direction: CounterProviderSettings.Direction, maxRate: Int64) {
        self.direction = direction
        self.maxRate = maxRate
    }

    /// What happened at one step, for the log.
    public enum Event: Sendable, Hashable {
        case firstSample
        case rebooted
        case appeared(String)
        case replaced(String)
        case wrapped(String, bits: Int)
        case discarded(String, bytes: UInt64)
        case newPeriod
        /// The wall clock went back since the last sample: the time between is unknown, so no rate is judged.
        case clockWentBack(seconds: Int64)
    }

    /// Adds a sample. `interfaces` holds the configured interfaces that exist now.
    public func step(
        _ previous: CounterState?,
        bootID: String,
        interfaces: [String: InterfaceCounters],
        at now: Date,
        periodStart: Date
    ) -> (CounterState, [Event]) {
        guard let previous else {
            return (
                CounterState(periodStart: periodStart, used: 0, bootID: bootID, sampledAt: now, interfaces: interfaces),
                [.firstSample]
            )
        }
        var events: [Event] = []
        let rebooted = previous.bootID != bootID
        if rebooted { events.append(.rebooted) }
        let elapsed = max(1, now.timeIntervalSince(previous.sampledAt))
        // Checked: a stored sample time far off (or NaN) must not trap the conversion; no ceiling above 2⁶² bytes.
        var ceiling = UInt64(clamping: Plausible.integer(min(Double(maxRate) * elapsed, Double(Int64.max / 2))) ?? 0)
        if now < previous.sampledAt {
            // A backward step (NTP, a hand-set date) says nothing about how long ago the last sample was: judging
            // the traffic against one second would discard real use as implausible.
            let back = Plausible.integer(previous.sampledAt.timeIntervalSince(now).rounded()) ?? Int64.max
            events.append(.clockWentBack(seconds: back))
            ceiling = .max
        }
        var delta: UInt64 = 0
        var discarded = 0
        for (name, current) in interfaces.sorted(by: { $0.key < $1.key }) {
            let bytes: UInt64
            if rebooted {
                // Counters restarted at boot: everything since then is new traffic.
                bytes = count(current)
            } else if let last = previous.interfaces[name] {
                if let before = last.ifindex, let after = current.ifindex, before != after {
                    events.append(.replaced(name))
                    bytes = count(current)
                } else {
                    let (rx, rxBits) = Self.advance(from: last.rx, to: current.rx)
                    let (tx, txBits) = Self.advance(from: last.tx, to: current.tx)
                    if let bits = rxBits ?? txBits { events.append(.wrapped(name, bits: bits)) }
                    bytes = count(rx: rx, tx: tx)
                }
            } else {
                // Missing at the last sample (or new to the configuration): it started from zero since.
                events.append(.appeared(name))
                bytes = count(current)
            }
            if bytes > ceiling {
                events.append(.discarded(name, bytes: bytes))
                discarded += 1
            } else {
                delta &+= bytes
            }
        }

        var used = previous.used
        // Stored dates come back from SQLite through a Double: compare to the millisecond, not bit for bit.
        if abs(previous.periodStart.timeIntervalSince(periodStart)) >= 0.001 {
            events.append(.newPeriod)
            // Only the part of the interval after the period began belongs to it.
            let span = now.timeIntervalSince(previous.sampledAt)
            let after = now.timeIntervalSince(periodStart)
            let share = span > 0 ? min(max(after / span, 0), 1) : 1
            // Sysfs counters are untrusted: several interfaces each under the ceiling can sum beyond Int64.
            used = Plausible.integer(Double(delta) * share) ?? .max
        } else {
            let (sum, overflow) = used.addingReportingOverflow(Int64(clamping: delta))
            used = overflow ? .max : sum
        }
        let state = CounterState(
            periodStart: periodStart,
            used: used,
            bootID: bootID,
            sampledAt: now,
            interfaces: interfaces,
            discarded: previous.discarded + discarded
        )
        return (state, events)
    }

    /// The increase from `last` to `current`, and the counter width when it wrapped: a value that fitted in 32
    /// bits wrapped at 2³², a larger one at 2⁶⁴.
    static func advance(from last: UInt64, to current: UInt64) -> (UInt64, Int?) {
        if current >= last { return (current - last, nil) }
        if last <= UInt64(UInt32.max) { return ((UInt64(UInt32.max) - last) + current + 1, 32) }
        return (current &- last, 64)
    }

    private func count(_ c: InterfaceCounters) -> UInt64 { count(rx: c.rx, tx: c.tx) }

    private func count(rx: UInt64, tx: UInt64) -> UInt64 {
        switch direction {
        case .both: rx &+ tx
        case .rx: rx
        case .tx: tx
        }
    }
}
