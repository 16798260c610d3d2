public import FoundationEssentials
import Logging
import SimwatchCore

/// Looks at the wall clock every half minute of real time, because the services' timers count monotonic time,
/// which stands still in suspend and ignores clock steps: the only timer that wakes an idle daemon. It starts the lines once the clock is set (a board
/// without a real-time clock boots in 1970 until NTP answers, and a plan first seen then would have ended decades
/// ago), and when the clock steps back or jumps ahead it has the schedules follow.
public actor ClockWatch {
    /// Before this instant (2024-01-01T00:00:00Z) the wall clock is taken as not set.
    static let earliestPlausibleTime = Date(timeIntervalSince1970: 1_704_067_200)
    /// How far the wall clock may go back between two looks before the schedules are moved back with it.
    static let stepTolerance: TimeInterval = 120
    /// Real seconds between looks.
    static let interval: Double = 30

    let clock: any DaemonClock
    let logger: Logger
    let zone: @Sendable () -> ZoneInfo
    /// The clock is set: adopt the lines.
    let onSet: @Sendable (Date) async -> Bool
    /// The clock went back by a step (seconds), or (nil) jumped ahead: have the schedules follow.
    let onStep: @Sendable (TimeInterval?, Date) async -> Void

    var lastSeen: (wall: Date, uptime: Double)?
    var adopted = false
    var unsetLogged = false

    init(
        clock: any DaemonClock,
        logger: Logger,
        zone: @escaping @Sendable () -> ZoneInfo,
        onSet: @escaping @Sendable (Date) async -> Bool,
        onStep: @escaping @Sendable (TimeInterval?, Date) async -> Void
    ) {
        self.clock = clock
        self.logger = logger
        self.zone = zone
        self.onSet = onSet
        self.onStep = onStep
    }

    /// Whether `now` can be trusted to date plans and readings.
    public static func isSet(_ now: Date) -> Bool { now >= earliestPlausibleTime }

    public func run() async {
        while !Task.isCancelled {
            await look(now: clock.now())
            let next = clock.now() + Self.interval * clock.rate
            do { try await clock.sleep(until: next) } catch { return }
        }
    }

    /// One look at the clock.
    public func look(now: Date) async {
        let uptime = clock.uptime
        defer { lastSeen = (now, uptime) }
        guard Self.isSet(now) else {
            if !unsetLogged {
                unsetLogged = true
                logger.warning(
                    "the system clock says \(now.iso8601(in: .utc)), before 2024: waiting for it to be set (NTP) before polling"
                )
            }
            return
        }
        if unsetLogged {
            unsetLogged = false
            logger.notice("the system clock is set now (\(now.iso8601(in: zone()))); starting")
        }
        if !adopted {
            adopted = await onSet(now)
            return
        }
        guard let last = lastSeen else { return }
        if now < last.wall - Self.stepTolerance {
            let step = last.wall.timeIntervalSince(now)
            logger.notice("the system clock went back by \(TimeSpan(seconds: Int64(step))); moving the schedule back")
            await onStep(step, now)
            return
        }
        // In real seconds, how far the wall clock moved beyond what the timers counted: a step ahead, a suspend, or a
        // small step back. Timers armed before it would fire late (or early), so every service looks again.
        let drift = now.timeIntervalSince(last.wall) / clock.rate - (uptime - last.uptime)
        if abs(drift) > Self.driftTolerance { await onStep(nil, now) }
    }

    /// Real seconds the wall clock may drift from the timers' clock between two looks before the services look again.
    static let driftTolerance: Double = 1

    /// Whether the clock is taken as unset now (for the status line).
    public var waitingForClock: Bool { unsetLogged }

    /// The lines were adopted (by `start`): nothing more to do when the clock is first seen set.
    func markAdopted() { adopted = true }
}
