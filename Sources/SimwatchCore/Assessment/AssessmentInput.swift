public import FoundationEssentials

/// Everything one assessment of a line looks at, loaded by the daemon beforehand: the assessment itself reads no
/// clock, store or configuration of its own.
public struct AssessmentInput: Sendable {
    public var line: Line
    /// The line's record before this assessment (with a renewal recorded by hand already in it).
    public var record: LineRecord
    /// The newest reading stored so far, observed or estimated.
    public var latest: Reading?
    /// The newest observed (not estimated) reading, when `latest` is an estimate: top-ups are judged against
    /// what was last observed.
    public var lastObserved: Reading?
    /// Readings within the pace window, oldest first.
    public var recent: [Reading]
    /// The line's alert states by rule id.
    public var alerts: [String: AlertState]
    public var trigger: AssessmentTrigger
    public var now: Date
    public var settings: AssessmentSettings

    public init(
        line: Line,
        record: LineRecord,
        latest: Reading?,
        lastObserved: Reading? = nil,
        recent: [Reading],
        alerts: [String: AlertState],
        trigger: AssessmentTrigger,
        now: Date,
        settings: AssessmentSettings
    ) {
        self.line = line
        self.record = record
        self.latest = latest
        self.lastObserved = lastObserved
        self.recent = recent
        self.alerts = alerts
        self.trigger = trigger
        self.now = now
        self.settings = settings
    }
}

/// The daemon-wide settings an assessment uses.
public struct AssessmentSettings: Sendable {
    public var zone: ZoneInfo
    public var quietHours: QuietHours?
    /// The channels that send e-mail: their reminders carry the line's recipients.
    public var emailChannels: Set<String>
    /// The channels told when an alert ends (`ChannelKind.wantsResolved`): they get a reminder with event
    /// "resolved".
    public var resolutionChannels: Set<String>

    public init(
        zone: ZoneInfo,
        quietHours: QuietHours?,
        emailChannels: Set<String>,
        resolutionChannels: Set<String> = []
    ) {
        self.zone = zone
        self.quietHours = quietHours
        self.emailChannels = emailChannels
        self.resolutionChannels = resolutionChannels
    }
}
