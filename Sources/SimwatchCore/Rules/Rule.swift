/// A condition on a line worth telling someone about, with how loudly and how often.
public struct Rule: Sendable, Hashable, Identifiable {
    public var id: String
    public var kind: RuleKind
    public var severity: Severity
    public var repeatPolicy: RepeatPolicy

    public init(id: String, kind: RuleKind, severity: Severity, repeatPolicy: RepeatPolicy) {
        self.id = id
        self.kind = kind
        self.severity = severity
        self.repeatPolicy = repeatPolicy
    }
}

/// What a rule watches. Stage lists are ordered from the first warning to the last (largest to smallest).
public enum RuleKind: Sendable, Hashable {
    /// Remaining data below an amount or a share of the plan; several stages escalate ("1GB", "200MB").
    case dataBelow([DataThreshold])
    /// Expiry within a duration; several stages ("7d", "3d", "1d"), then a final "expired" stage.
    case expiresWithin([TimeSpan])
    /// At the current pace, data runs out within this duration.
    case runsOutWithin(TimeSpan)
    /// At the current pace, data runs out before the plan expires.
    case runsOutBeforeExpiry
    /// Prepaid credit below an amount.
    case creditBelow(Money)
    /// No successful reading for this long.
    case stale(TimeSpan)

    /// The configuration's name for this kind.
    public var name: String {
        switch self {
        case .dataBelow: "data_below"
        case .expiresWithin: "expires_within"
        case .runsOutWithin: "runs_out_within"
        case .runsOutBeforeExpiry: "runs_out_before_expiry"
        case .creditBelow: "credit_below"
        case .stale: "stale"
        }
    }

    /// True for rules a top-up or renewal answers (data and expiry); credit and stale alerts outlive it.
    public var endsWithRenewal: Bool {
        switch self {
        case .dataBelow, .expiresWithin, .runsOutWithin, .runsOutBeforeExpiry: true
        case .creditBelow, .stale: false
        }
    }

    /// The reminder kind (and journal `MESSAGE_ID`) this rule produces.
    public var reminderKind: ReminderKind {
        switch self {
        case .dataBelow: .lowData
        case .expiresWithin: .expiring
        case .runsOutWithin, .runsOutBeforeExpiry: .runsOut
        case .creditBelow: .creditLow
        case .stale: .stale
        }
    }
}

/// A data threshold: an absolute amount or a percentage of the plan's quota.
public enum DataThreshold: Sendable, Hashable, CustomStringConvertible {
    case amount(ByteCount)
    case percent(Double)

    /// The threshold in bytes for a plan of `total`; nil when a percentage has no total to apply to.
    public func bytes(of total: ByteCount?) -> Int64? {
        switch self {
        case .amount(let amount): return amount.bytes
        case .percent(let p):
            guard let total else { return nil }
            return Int64((Double(total.bytes) * p / 100).rounded())
        }
    }

    public var description: String {
        switch self {
        case .amount(let amount): amount.description
        case .percent(let p): p == p.rounded() ? "\(Int(p))%" : "\(p)%"
        }
    }
}

/// How loud a reminder is; maps to journal priorities and, later, to mail and desktop urgency.
public enum Severity: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case info
    case warning
    case critical

    /// syslog priority: info 6, warning 4, critical 2.
    public var syslogPriority: Int {
        switch self {
        case .info: 6
        case .warning: 4
        case .critical: 2
        }
    }

    private var rank: Int {
        switch self {
        case .info: 0
        case .warning: 1
        case .critical: 2
        }
    }

    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}
