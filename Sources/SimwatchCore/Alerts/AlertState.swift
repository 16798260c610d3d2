public import FoundationEssentials

/// The life of one rule on one line: idle, firing (with repeats), resolved. One enum, transitions in one place
/// (`AlertState.step`), persisted so a restart neither repeats a sent reminder nor forgets a due one.
public struct AlertState: Sendable, Hashable, Codable {
    public enum Phase: Sendable, Hashable, Codable {
        case idle
        case firing(Firing)
        case resolved(at: Date, reason: ResolveReason)
    }

    /// A firing alert: since when, at which stage, how many reminders so far and when the next one is due.
    public struct Firing: Sendable, Hashable, Codable {
        public var since: Date
        public var stage: Int
        /// Reminders sent in this episode (the firing one counts as 1).
        public var occurrence: Int
        /// Reminders sent since the current stage was reached; a diminishing schedule grows from this.
        public var stageReminders: Int
        public var lastNotifiedAt: Date
        /// nil when the repeat policy has no more reminders.
        public var nextReminderAt: Date?

        public init(
            since: Date,
            stage: Int,
            occurrence: Int,
            stageReminders: Int = 1,
            lastNotifiedAt: Date,
            nextReminderAt: Date?
        ) {
            self.since = since
            self.stage = stage
            self.occurrence = occurrence
            self.stageReminders = stageReminders
            self.lastNotifiedAt = lastNotifiedAt
            self.nextReminderAt = nextReminderAt
        }
    }

    public enum ResolveReason: String, Sendable, Hashable, Codable {
        /// The condition no longer holds.
        case cleared
        /// A top-up or renewal ended it.
        case renewed
        /// The rule or line left the configuration.
        case removed
    }

    public var lineID: String
    public var ruleID: String
    /// Increments each time the alert starts firing; part of every reminder's stable id.
    public var episode: Int
    public var phase: Phase
    /// Reminders are held back until then ("stop nagging me until Monday"); the alert itself lives on.
    public var snoozedUntil: Date?

    public init(lineID: String, ruleID: String, episode: Int = 0, phase: Phase = .idle, snoozedUntil: Date? = nil) {
        self.lineID = lineID
        self.ruleID = ruleID
        self.episode = episode
        self.phase = phase
        self.snoozedUntil = snoozedUntil
    }

    /// True when reminders are held back at `now`.
    public func isSnoozed(at now: Date) -> Bool {
        snoozedUntil.map { $0 > now } ?? false
    }

    public var firing: Firing? {
        if case .firing(let f) = phase { return f }
        return nil
    }

    public var isFiring: Bool { firing != nil }
}

/// What a step of the state machine asks the world to do.
public enum AlertEvent: Sendable, Hashable {
    /// The first reminder of a new episode.
    case firing(stage: Int)
    /// A later stage was reached: remind now, restart the repeat schedule.
    case escalated(stage: Int)
    /// The repeat policy says remind again.
    case `repeat`(stage: Int)
    case resolved(AlertState.ResolveReason)

    /// The reminder event name used in the journal (`SIMWATCH_EVENT`) and payloads.
    public var name: String {
        switch self {
        case .firing: "firing"
        case .escalated: "escalated"
        case .repeat: "repeat"
        case .resolved: "resolved"
        }
    }

    /// True when this event sends a reminder.
    public var notifies: Bool {
        if case .resolved = self { return false }
        return true
    }
}
