public import FoundationEssentials
import SimwatchCore

/// Judges a line again, without a poll, when one of its alerts has a repeat reminder due (or a snooze ends, or a
/// reminder held by quiet hours may go out). A line being polled waits for its poll, whose judgement covers it.
public actor RepeatScheduler {
    let ledger: Ledger
    let outbox: OutboxDispatcher
    let running: RunningConfig
    let clock: any DaemonClock
    let polling: PollingLines
    public nonisolated let wakeup = Wakeup()
    var queue = DueQueue()

    init(
        ledger: Ledger,
        outbox: OutboxDispatcher,
        running: RunningConfig,
        clock: any DaemonClock,
        polling: PollingLines
    ) {
        self.ledger = ledger
        self.outbox = outbox
        self.running = running
        self.clock = clock
        self.polling = polling
    }

    public func run() async {
        while !Task.isCancelled {
            await wakeup.sleep(until: queue.nextDue(), on: clock)
            guard !Task.isCancelled else { return }
            await runDue(now: clock.now())
        }
    }

    public func runDue(now: Date) async {
        guard ClockWatch.isSet(now) else { return }
        for id in queue.popDue(now: now) where !polling.contains(id) {
            guard let line = running.line(id) else { continue }
            switch await ledger.judge(line, trigger: .due, now: now) {
            case .committed(let outcome):
                set(id, at: outcome.nextReminderAt)
                if !outcome.reminders.isEmpty { outbox.wakeup.poke() }
            case .refused(let retryAt):
                queue.schedule(id, at: retryAt)
            }
        }
    }

    public func nextDue() -> Date? { queue.nextDue() }

    /// The line's next judgement without a poll (nil: none).
    func set(_ id: String, at date: Date?) {
        if let date { queue.schedule(id, at: date) } else { queue.remove(id) }
        wakeup.poke()
    }

    func forget(_ ids: [String]) {
        for id in ids { queue.remove(id) }
    }

    func moveBack(by step: TimeInterval, now: Date) {
        for id in running.snapshot.lineIDs {
            if let due = queue.due(of: id) { queue.schedule(id, at: max(now, due - step)) }
        }
        wakeup.poke()
    }
}
