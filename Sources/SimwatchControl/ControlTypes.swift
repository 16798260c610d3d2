// Swift mirrors of the types in `ControlInterface.description`. Property names are the interface's field names in
// camelCase; `ControlCodec` converts to and from snake_case on the wire.

/// See `Reading` in the interface description.
public struct ReadingInfo: Codable, Sendable, Hashable {
    public var observedAt: String
    public var providerUpdatedAt: String?
    public var remainingBytes: Int64?
    public var usedBytes: Int64?
    public var totalBytes: Int64?
    public var credit: String?
    public var expiresAt: String?
    public var status: String
    public var source: String
    public var estimated: Bool

    public init(
        observedAt: String,
        providerUpdatedAt: String? = nil,
        remainingBytes: Int64? = nil,
        usedBytes: Int64? = nil,
        totalBytes: Int64? = nil,
        credit: String? = nil,
        expiresAt: String? = nil,
        status: String,
        source: String,
        estimated: Bool = false
    ) {
        self.observedAt = observedAt
        self.providerUpdatedAt = providerUpdatedAt
        self.remainingBytes = remainingBytes
        self.usedBytes = usedBytes
        self.totalBytes = totalBytes
        self.credit = credit
        self.expiresAt = expiresAt
        self.status = status
        self.source = source
        self.estimated = estimated
    }
}

public struct PlanInfo: Codable, Sendable, Hashable {
    public var startedAt: String
    public var quotaBytes: Int64?
    public var expiresAt: String?
    public var origin: String

    public init(startedAt: String, quotaBytes: Int64?, expiresAt: String?, origin: String) {
        self.startedAt = startedAt
        self.quotaBytes = quotaBytes
        self.expiresAt = expiresAt
        self.origin = origin
    }
}

public struct ForecastInfo: Codable, Sendable, Hashable {
    public var paceBytesPerDay: Int64?
    public var runsOutAt: String?
    public var dailyAllowanceBytes: Int64?

    public init(paceBytesPerDay: Int64?, runsOutAt: String?, dailyAllowanceBytes: Int64?) {
        self.paceBytesPerDay = paceBytesPerDay
        self.runsOutAt = runsOutAt
        self.dailyAllowanceBytes = dailyAllowanceBytes
    }
}

public struct AlertInfo: Codable, Sendable, Hashable {
    public var line: String
    public var rule: String
    public var kind: String
    public var severity: String
    public var state: String
    public var episode: Int
    public var stage: Int?
    public var occurrence: Int?
    public var since: String?
    public var lastNotifiedAt: String?
    public var nextReminderAt: String?
    public var resolvedAt: String?
    public var resolvedReason: String?
    public var snoozedUntil: String?

    public init(
        line: String,
        rule: String,
        kind: String,
        severity: String,
        state: String,
        episode: Int,
        stage: Int? = nil,
        occurrence: Int? = nil,
        since: String? = nil,
        lastNotifiedAt: String? = nil,
        nextReminderAt: String? = nil,
        resolvedAt: String? = nil,
        resolvedReason: String? = nil,
        snoozedUntil: String? = nil
    ) {
        self.line = line
        self.rule = rule
        self.kind = kind
        self.severity = severity
        self.state = state
        self.episode = episode
        self.stage = stage
        self.occurrence = occurrence
        self.since = since
        self.lastNotifiedAt = lastNotifiedAt
        self.nextReminderAt = nextReminderAt
        self.resolvedAt = resolvedAt
        self.resolvedReason = resolvedReason
        self.snoozedUntil = snoozedUntil
    }
}

public struct LineSummary: Codable, Sendable, Hashable {
    public var id: String
    public var name: String
    public var provider: String
    public var pollIntervalSeconds: Int64
    public var reading: ReadingInfo?
    public var plan: PlanInfo?
    public var firing: [String]
    public var lastPollAt: String?
    public var lastSuccessAt: String?
    public var lastError: String?
    public var nextPollAt: String?

    public init(
        id: String,
        name: String,
        provider: String,
        pollIntervalSeconds: Int64,
        reading: ReadingInfo?,
        plan: PlanInfo?,
        firing: [String],
        lastPollAt: String?,
        lastSuccessAt: String?,
        lastError: String?,
        nextPollAt: String?
    ) {
        self.id = id
        self.name = name
        self.provider = provider
        self.pollIntervalSeconds = pollIntervalSeconds
        self.reading = reading
        self.plan = plan
        self.firing = firing
        self.lastPollAt = lastPollAt
        self.lastSuccessAt = lastSuccessAt
        self.lastError = lastError
        self.nextPollAt = nextPollAt
    }
}

public struct RuleInfo: Codable, Sendable, Hashable {
    public var id: String
    public var kind: String
    public var severity: String
    public var `repeat`: String

    public init(id: String, kind: String, severity: String, repeat: String) {
        self.id = id
        self.kind = kind
        self.severity = severity
        self.repeat = `repeat`
    }
}

public struct HistoryEntry: Codable, Sendable, Hashable {
    public var at: String
    public var rule: String?
    public var event: String
    public var episode: Int
    public var occurrence: Int
    public var summary: String

    public init(at: String, rule: String?, event: String, episode: Int, occurrence: Int, summary: String) {
        self.at = at
        self.rule = rule
        self.event = event
        self.episode = episode
        self.occurrence = occurrence
        self.summary = summary
    }
}

public struct LineDetail: Codable, Sendable, Hashable {
    public var summary: LineSummary
    public var channels: [String]
    public var rules: [RuleInfo]
    public var alerts: [AlertInfo]
    public var forecast: ForecastInfo
    public var history: [HistoryEntry]
    /// How to renew the line (`[line.renew]`); absent when it says nothing.
    public var renew: RenewInfo?
    /// The line's latest renewal in the ledger, with whether the provider confirmed it.
    public var lastRenewal: RenewalInfo?

    public init(
        summary: LineSummary,
        channels: [String],
        rules: [RuleInfo],
        alerts: [AlertInfo],
        forecast: ForecastInfo,
        history: [HistoryEntry],
        renew: RenewInfo? = nil,
        lastRenewal: RenewalInfo? = nil
    ) {
        self.summary = summary
        self.channels = channels
        self.rules = rules
        self.alerts = alerts
        self.forecast = forecast
        self.history = history
        self.renew = renew
        self.lastRenewal = lastRenewal
    }
}

/// `[line.renew]` as configured, with the sentence reminders carry and the page `simwatchctl open` opens.
public struct RenewInfo: Codable, Sendable, Hashable {
    public var url: String?
    public var app: String?
    public var appLink: String?
    public var shop: String?
    public var code: String?
    public var support: String?
    public var note: String?
    public var sentence: String
    public var openURL: String?

    public init(fields: [String: String], sentence: String, openURL: String?) {
        url = fields["url"]
        app = fields["app"]
        appLink = fields["app_link"]
        shop = fields["shop"]
        code = fields["code"]
        support = fields["support"]
        note = fields["note"]
        self.sentence = sentence
        self.openURL = openURL
    }

    // On the wire `open_url`: the codecs turn `openUrl` into it and back.
    enum CodingKeys: String, CodingKey {
        case url, app, appLink, shop, code, support, note, sentence
        case openURL = "openUrl"
    }
}

public struct HistoryPoint: Codable, Sendable, Hashable {
    public var at: String
    public var remainingBytes: Int64?
    public var resolution: String

    public init(at: String, remainingBytes: Int64?, resolution: String) {
        self.at = at
        self.remainingBytes = remainingBytes
        self.resolution = resolution
    }
}

public struct PollOutcome: Codable, Sendable, Hashable {
    public var line: String
    public var ok: Bool
    public var reading: ReadingInfo?
    public var error: String?

    public init(line: String, ok: Bool, reading: ReadingInfo?, error: String?) {
        self.line = line
        self.ok = ok
        self.reading = reading
        self.error = error
    }
}

/// The state database refusing writes: see `GetStatus.Reply.storage`.
public struct StorageProblem: Codable, Sendable, Hashable {
    public var since: String
    public var failures: Int
    public var error: String
    public var retryAt: String

    public init(since: String, failures: Int, error: String, retryAt: String) {
        self.since = since
        self.failures = failures
        self.error = error
        self.retryAt = retryAt
    }
}

public struct LastPoll: Codable, Sendable, Hashable {
    public var line: String
    public var at: String
    public var ok: Bool

    public init(line: String, at: String, ok: Bool) {
        self.line = line
        self.at = at
        self.ok = ok
    }
}

public struct ControlEvent: Codable, Sendable, Hashable {
    public var kind: String
    public var at: String
    public var line: String?
    public var rule: String?
    public var event: String?
    public var summary: String
    public var reading: ReadingInfo?
    public var notificationId: String?
    public var channel: String?

    public init(
        kind: String,
        at: String,
        line: String? = nil,
        rule: String? = nil,
        event: String? = nil,
        summary: String,
        reading: ReadingInfo? = nil,
        notificationId: String? = nil,
        channel: String? = nil
    ) {
        self.kind = kind
        self.at = at
        self.line = line
        self.rule = rule
        self.event = event
        self.summary = summary
        self.reading = reading
        self.notificationId = notificationId
        self.channel = channel
    }
}
