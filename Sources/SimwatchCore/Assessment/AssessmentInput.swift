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
    /// `[daemon] language`: the journal's and the history's, and every reader's who sets none.
    public var language: Language
    /// `[channels.NAME] language`, for the channels that set one.
    public var channelLanguages: [String: Language]

    public init(
        zone: ZoneInfo,
        quietHours: QuietHours?,
        emailChannels: Set<String>,
        resolutionChannels: Set<String> = [],
        language: Language = .en,
        channelLanguages: [String: Language] = [:]
    ) {
        self.zone = zone
        self.quietHours = quietHours
        self.emailChannels = emailChannels
        self.resolutionChannels = resolutionChannels
        self.language = language
        self.channelLanguages = channelLanguages
    }

    /// The language of `line`'s reminders through `channel`: the reader's. The journal is the operator's: the
    /// daemon's language. A line's own mail recipients (`[line.email]`) are the line's readers: the line's
    /// language, else the channel's. Any other channel has one reader whoever the line is: the channel's language,
    /// else the line's, else the daemon's.
    public func language(of line: Line?, through channel: String) -> Language {
        guard let line else { return channel == "journal" ? language : channelLanguages[channel] ?? language }
        if channel == "journal" { return language }
        let own = channelLanguages[channel]
        if emailChannels.contains(channel), line.email?.recipients(for: channel) != nil {
            return line.language ?? own ?? language
        }
        return own ?? line.language ?? language
    }
}
