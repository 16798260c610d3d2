import FoundationEssentials
import Logging
import SimwatchCore

/// Watches whether the host is online, where NetworkManager says (on the system bus), and when the network comes
/// back makes the reminders waiting for it due at once, so they go out within seconds rather than at their next
/// back-off. Every look is bounded; without NetworkManager the outbox's plain back-off does the same, later.
public actor ConnectivityMonitor {
    /// Reads whether the host is online; when that is `previous`, waits at most `timeout` real seconds for a change.
    /// nil: no word (no system bus, no NetworkManager).
    public typealias Look = @Sendable (_ previous: Bool?, _ timeout: Double) async -> Bool?

    /// The longest one look waits for a change, in real seconds.
    static let lookTimeout: Double = 30
    /// How long to wait, in real seconds, before looking again for a NetworkManager that was not there.
    static let absentPause: Double = 300

    let look: Look
    let ledger: Ledger
    let outbox: OutboxDispatcher
    let clock: any DaemonClock
    let logger: Logger
    /// What NetworkManager last said; nil before it said anything, or while it is not there.
    var online: Bool?

    init(look: @escaping Look, ledger: Ledger, outbox: OutboxDispatcher, clock: any DaemonClock, logger: Logger) {
        self.look = look
        self.ledger = ledger
        self.outbox = outbox
        self.clock = clock
        self.logger = logger
    }

    public func run() async {
        var absent = false
        while !Task.isCancelled {
            let previous = online
            let look = self.look
            // The look's own timeout is the bound; this one only abandons a look that ignores it.
            let answer = await Deadline.run(seconds: Self.lookTimeout + 10, on: clock) {
                await look(previous, Self.lookTimeout)
            }
            guard !Task.isCancelled else { return }
            guard let now = answer ?? nil else {
                if !absent {
                    logger.info(
                        """
                        NetworkManager is not on the system bus: reminders waiting for the network are retried on \
                        their back-off (at most 5 minutes apart)
                        """
                    )
                }
                absent = true
                online = nil
                do { try await clock.sleep(seconds: Self.absentPause) } catch { return }
                continue
            }
            if absent { logger.info("NetworkManager found on the system bus: watching the network's state") }
            absent = false
            await changed(to: now)
        }
    }

    /// NetworkManager's word: online or not. From offline to online, what waits for the network is tried now.
    func changed(to now: Bool) async {
        let previous = online
        online = now
        guard now, previous == false else {
            if !now, previous != false { logger.info("NetworkManager says the host is offline") }
            return
        }
        let waiting = await ledger.networkBack(now: clock.now())
        let reminders = "\(waiting) reminder\(waiting == 1 ? "" : "s")"
        logger.notice("NetworkManager says the network is back: \(reminders) waiting for it tried now")
        outbox.wakeup.poke()
    }
}
