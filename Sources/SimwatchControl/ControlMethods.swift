// Parameters and replies of each method of io.simwatch.Control. `Method.name` is the qualified Varlink name.

/// A method of the control interface with its parameter and reply types.
public protocol ControlMethod {
    associatedtype Parameters: Codable, Sendable
    associatedtype Reply: Codable, Sendable
    /// Unqualified method name ("GetStatus").
    static var method: String { get }
}

extension ControlMethod {
    /// Qualified name: "io.simwatch.Control.GetStatus".
    public static var name: String { "\(ControlInterface.name).\(method)" }
}

/// For methods that take no parameters.
public struct NoParameters: Codable, Sendable, Hashable {
    public init() {}
}

public enum GetStatus: ControlMethod {
    public static let method = "GetStatus"
    /// The most firing alerts one reply lists, so the reply stays small however many lines fire.
    public static let maxFiring = 100
    public typealias Parameters = NoParameters

    public struct Reply: Codable, Sendable, Hashable {
        /// The daemon's clock (faster than real time under `time_scale`).
        public var now: String
        public var version: String
        public var startedAt: String
        public var uptimeSeconds: Int64
        public var configPath: String
        public var stateDir: String
        public var timeZone: String
        public var lines: Int
        /// The alerts firing, by line and rule: at most `GetStatus.maxFiring` of them (`firingTotal` counts all).
        public var firing: [AlertInfo]
        /// How many alerts are firing in all; nil from a daemon that lists every one in `firing`.
        public var firingTotal: Int?
        public var lastPoll: LastPoll?
        public var pendingReminders: Int
        public var deadReminders: Int
        /// Set while the state database refuses writes.
        public var storage: StorageProblem?
        /// Transactions committed to the state database since the daemon started (the polls of a round share one).
        public var stateTransactions: Int?

        public init(
            now: String,
            version: String,
            startedAt: String,
            uptimeSeconds: Int64,
            configPath: String,
            stateDir: String,
            timeZone: String,
            lines: Int,
            firing: [AlertInfo],
            firingTotal: Int? = nil,
            lastPoll: LastPoll?,
            pendingReminders: Int,
            deadReminders: Int,
            storage: StorageProblem? = nil,
            stateTransactions: Int? = nil
        ) {
            self.stateTransactions = stateTransactions
            self.now = now
            self.version = version
            self.startedAt = startedAt
            self.uptimeSeconds = uptimeSeconds
            self.configPath = configPath
            self.stateDir = stateDir
            self.timeZone = timeZone
            self.lines = lines
            self.firing = firing
            self.firingTotal = firingTotal
            self.lastPoll = lastPoll
            self.pendingReminders = pendingReminders
            self.deadReminders = deadReminders
            self.storage = storage
        }
    }
}

public enum ListLines: ControlMethod {
    public static let method = "ListLines"
    /// Lines in one reply when the caller names no limit.
    public static let defaultLimit = 1000
    /// The most lines one reply holds.
    public static let maxLimit = 10_000

    /// One page: at most `limit` lines (default `defaultLimit`, at most `maxLimit`), in configuration order, starting
    /// after the line `after` (from the first line when nil).
    public struct Parameters: Codable, Sendable, Hashable {
        public var limit: Int?
        public var after: String?

        public init(limit: Int? = nil, after: String? = nil) {
            self.limit = limit
            self.after = after
        }
    }

    public struct Reply: Codable, Sendable, Hashable {
        public var now: String
        public var lines: [LineSummary]
        /// The id to pass as `after` for the next page; nil when this page holds the last line.
        public var nextAfter: String?

        public init(now: String, lines: [LineSummary], nextAfter: String? = nil) {
            self.now = now
            self.lines = lines
            self.nextAfter = nextAfter
        }
    }
}

/// Parameters naming one line.
public struct LineParameters: Codable, Sendable, Hashable {
    public var line: String
    public init(line: String) { self.line = line }
}

/// Parameters naming one line or, when `line` is nil, every line.
public struct OptionalLineParameters: Codable, Sendable, Hashable {
    public var line: String?
    public init(line: String?) { self.line = line }
}

public enum GetLine: ControlMethod {
    public static let method = "GetLine"
    public typealias Parameters = LineParameters

    public struct Reply: Codable, Sendable, Hashable {
        public var now: String
        public var line: LineDetail

        public init(now: String, line: LineDetail) {
            self.now = now
            self.line = line
        }
    }
}

public enum GetHistory: ControlMethod {
    public static let method = "GetHistory"

    public struct Parameters: Codable, Sendable, Hashable {
        public var line: String
        public var since: String?
        public var until: String?
        public var maxPoints: Int?

        public init(line: String, since: String? = nil, until: String? = nil, maxPoints: Int? = nil) {
            self.line = line
            self.since = since
            self.until = until
            self.maxPoints = maxPoints
        }
    }

    public struct Reply: Codable, Sendable, Hashable {
        public var points: [HistoryPoint]
        public init(points: [HistoryPoint]) { self.points = points }
    }
}

public enum Poll: ControlMethod {
    public static let method = "Poll"
    public typealias Parameters = OptionalLineParameters

    public struct Reply: Codable, Sendable, Hashable {
        public var outcomes: [PollOutcome]
        public init(outcomes: [PollOutcome]) { self.outcomes = outcomes }
    }
}

public enum Reload: ControlMethod {
    public static let method = "Reload"
    public typealias Parameters = NoParameters

    public struct Reply: Codable, Sendable, Hashable {
        public var lines: Int
        public init(lines: Int) { self.lines = lines }
    }
}

/// Replies listing the alerts a call changed.
public struct AlertsReply: Codable, Sendable, Hashable {
    public var alerts: [AlertInfo]
    public init(alerts: [AlertInfo]) { self.alerts = alerts }
}

public enum Snooze: ControlMethod {
    public static let method = "Snooze"
    public typealias Reply = AlertsReply

    public struct Parameters: Codable, Sendable, Hashable {
        public var line: String
        public var rule: String?
        public var until: String

        public init(line: String, rule: String?, until: String) {
            self.line = line
            self.rule = rule
            self.until = until
        }
    }
}

public enum Unsnooze: ControlMethod {
    public static let method = "Unsnooze"
    public typealias Reply = AlertsReply

    public struct Parameters: Codable, Sendable, Hashable {
        public var line: String
        public var rule: String?

        public init(line: String, rule: String?) {
            self.line = line
            self.rule = rule
        }
    }
}

public enum RecordReading: ControlMethod {
    public static let method = "RecordReading"

    public struct Parameters: Codable, Sendable, Hashable {
        public var line: String
        public var remainingBytes: Int64?
        public var usedBytes: Int64?
        public var totalBytes: Int64?
        public var expiresAt: String?
        public var credit: String?

        public init(
            line: String,
            remainingBytes: Int64? = nil,
            usedBytes: Int64? = nil,
            totalBytes: Int64? = nil,
            expiresAt: String? = nil,
            credit: String? = nil
        ) {
            self.line = line
            self.remainingBytes = remainingBytes
            self.usedBytes = usedBytes
            self.totalBytes = totalBytes
            self.expiresAt = expiresAt
            self.credit = credit
        }
    }

    public struct Reply: Codable, Sendable, Hashable {
        public var reading: ReadingInfo
        public init(reading: ReadingInfo) { self.reading = reading }
    }
}

public enum Renew: ControlMethod {
    public static let method = "Renew"

    public struct Parameters: Codable, Sendable, Hashable {
        public var line: String
        public var dataBytes: Int64?
        public var validSeconds: Int64?
        public var expiresAt: String?
        /// When it was made, when earlier than now.
        public var at: String?
        /// One of the line's offers, by name: its data, validity and price unless given.
        public var offer: String?
        /// "20 EUR".
        public var price: String?
        public var order: String?
        public var note: String?
        public var receipt: StagedReceipt?

        public init(
            line: String,
            dataBytes: Int64? = nil,
            validSeconds: Int64? = nil,
            expiresAt: String? = nil,
            at: String? = nil,
            offer: String? = nil,
            price: String? = nil,
            order: String? = nil,
            note: String? = nil,
            receipt: StagedReceipt? = nil
        ) {
            self.line = line
            self.dataBytes = dataBytes
            self.validSeconds = validSeconds
            self.expiresAt = expiresAt
            self.at = at
            self.offer = offer
            self.price = price
            self.order = order
            self.note = note
            self.receipt = receipt
        }
    }

    public struct Reply: Codable, Sendable, Hashable {
        public var plan: PlanInfo
        /// The ledger entry, as `ListRenewals` gives it.
        public var renewal: RenewalInfo?
        public init(plan: PlanInfo, renewal: RenewalInfo? = nil) {
            self.plan = plan
            self.renewal = renewal
        }
    }
}

public enum TestNotification: ControlMethod {
    public static let method = "TestNotification"

    public struct Parameters: Codable, Sendable, Hashable {
        public var channel: String
        public var line: String?

        public init(channel: String, line: String? = nil) {
            self.channel = channel
            self.line = line
        }
    }

    public struct Reply: Codable, Sendable, Hashable {
        public var notificationId: String
        public init(notificationId: String) { self.notificationId = notificationId }
    }
}

public enum Events: ControlMethod {
    public static let method = "Events"
    public typealias Parameters = OptionalLineParameters

    public struct Reply: Codable, Sendable, Hashable {
        public var event: ControlEvent
        public init(event: ControlEvent) { self.event = event }
    }
}
