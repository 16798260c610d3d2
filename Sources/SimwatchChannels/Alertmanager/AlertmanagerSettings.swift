public import SimwatchCore

/// `type = "alertmanager"`: alerts POSTed to one or more Alertmanagers (`/api/v2/alerts`), ended when they resolve.
public struct AlertmanagerSettings: ChannelKind {
    public static let type = "alertmanager"
    /// Base URLs of the Alertmanagers of one cluster ("http://127.0.0.1:9093"); each is sent every alert.
    public var urls: [EndpointURL]
    public var connectTimeout: TimeSpan
    /// How long an alert stays active after each post (its `endsAt`): it must outlast the gap between two posts
    /// (the rule's `repeat`), or Alertmanager ends it in between.
    public var validFor: TimeSpan
    /// The `group` label, when set: lets routes tell fleets apart.
    public var group: String?
    /// The `runbook_url` annotation, when set.
    public var runbook: String?
    /// The alerts' `generatorURL`, when set (a dashboard, the host's status page).
    public var generatorURL: EndpointURL?

    public init(
        urls: [EndpointURL],
        connectTimeout: TimeSpan = TimeSpan(seconds: 10),
        validFor: TimeSpan = .days(2),
        group: String? = nil,
        runbook: String? = nil,
        generatorURL: EndpointURL? = nil
    ) {
        self.urls = urls
        self.connectTimeout = connectTimeout
        self.validFor = validFor
        self.group = group
        self.runbook = runbook
        self.generatorURL = generatorURL
    }

    /// Alertmanager keeps an alert until told that it ended.
    public var wantsResolved: Bool { true }
}
