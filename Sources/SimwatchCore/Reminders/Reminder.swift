public import FoundationEssentials

/// One reminder for one channel, as written to the outbox. Everything a channel needs is in here, so delivery
/// never reads configuration or state.
public struct Reminder: Sendable, Hashable, Codable, Identifiable {
    /// Stable id: `line/rule/episode/occurrence/channel` (`line/+renewed/n/1/channel` for renewals). The same event
    /// always gets the same id, so a receiver can drop the rare duplicate of an at-least-once delivery. Ids of
    /// lines, rules and channels cannot hold `/` or `+`, so two events never share an id.
    public var id: String
    public var channel: String
    public var kind: ReminderKind
    /// firing | escalated | repeat | renewed | test; resolved (an alert ended: only to channels that want ends)
    public var event: String
    public var severity: Severity
    public var lineID: String
    public var lineName: String
    public var ruleID: String?
    public var episode: Int
    public var occurrence: Int
    public var stage: Int?
    /// One line, e.g. "2.1 GB left, at this pace it lasts 3 days, plan expires Fri 4 Dec: renew now".
    public var summary: String
    /// Further lines of detail for channels with room for them (mail, desktop body).
    public var details: [String]
    public var remaining: ByteCount?
    public var total: ByteCount?
    public var expiresAt: Date?
    public var runsOutAt: Date?
    public var createdAt: Date
    /// Not to be delivered before this instant (quiet hours).
    public var notBefore: Date
    /// The zone dates are shown in.
    public var timeZone: String
    /// The rule's kind (`data_below` ...), for webhooks and templates.
    public var ruleKind: String?
    /// Recent pace and what may be used per day to last until expiry, when known.
    public var pacePerDay: ByteCount?
    public var dailyAllowance: ByteCount?
    /// Prepaid credit of the latest reading.
    public var credit: Money?
    /// When and by which adapter the latest reading was taken.
    public var observedAt: Date?
    public var source: String?
    /// The line's own mail recipients (`[line.email]`) for an email channel; nil means the channel's `to`.
    public var recipients: [String]?
    /// How to renew the line (`[line.renew]`); nil when none is configured.
    public var renew: RenewalGuide?
    /// Which offer covers the need at the line's pace, in one sentence (also a detail line); nil without offers.
    public var advice: String?
    /// The language the summary, details and advice are written in, and templates render in; nil (a reminder
    /// queued before languages existed) is English. See `readerLanguage`.
    public var language: Language?

    public init(
        id: String,
        channel: String,
        kind: ReminderKind,
        event: String,
        severity: Severity,
        lineID: String,
        lineName: String,
        ruleID: String?,
        episode: Int,
        occurrence: Int,
        stage: Int?,
        summary: String,
        details: [String],
        remaining: ByteCount?,
        total: ByteCount?,
        expiresAt: Date?,
        runsOutAt: Date?,
        createdAt: Date,
        notBefore: Date,
        timeZone: String,
        ruleKind: String? = nil,
        pacePerDay: ByteCount? = nil,
        dailyAllowance: ByteCount? = nil,
        credit: Money? = nil,
        observedAt: Date? = nil,
        source: String? = nil,
        recipients: [String]? = nil,
        renew: RenewalGuide? = nil,
        advice: String? = nil,
        language: Language? = nil
    ) {
        self.id = id
        self.channel = channel
        self.kind = kind
        self.event = event
        self.severity = severity
        self.lineID = lineID
        self.lineName = lineName
        self.ruleID = ruleID
        self.episode = episode
        self.occurrence = occurrence
        self.stage = stage
        self.summary = summary
        self.details = details
        self.remaining = remaining
        self.total = total
        self.expiresAt = expiresAt
        self.runsOutAt = runsOutAt
        self.createdAt = createdAt
        self.notBefore = notBefore
        self.timeZone = timeZone
        self.ruleKind = ruleKind
        self.pacePerDay = pacePerDay
        self.dailyAllowance = dailyAllowance
        self.credit = credit
        self.observedAt = observedAt
        self.source = source
        self.recipients = recipients
        self.renew = renew
        self.advice = advice
        self.language = language
    }

    /// The language to render in: `language`, English when unset.
    public var readerLanguage: Language { language ?? .en }

    /// The stable id for an event of `rule` (or a renewal when nil) on `line`, for `channel`.
    public static func stableID(line: String, rule: String?, episode: Int, occurrence: Int, channel: String) -> String {
        "\(line)/\(rule ?? "+renewed")/\(episode)/\(occurrence)/\(channel)"
    }
}
