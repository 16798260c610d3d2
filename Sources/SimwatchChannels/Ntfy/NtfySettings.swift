public import SimwatchCore

/// `type = "ntfy"`: a plain-text POST to an ntfy topic with Title, Priority and Tags headers.
public struct NtfySettings: ChannelKind {
    public static let type = "ntfy"
    /// Server and topic: `https://ntfy.sh/my-topic`.
    public var url: EndpointURL
    /// An access token (`tk_...`), sent as `Authorization: Bearer`.
    public var token: SecretSource?
    /// ntfy priority (1 min ... 5 max) per severity.
    public var priorities: [Severity: Int]
    /// Extra tags (emoji short codes or words) added to every message.
    public var tags: [String]
    public var connectTimeout: TimeSpan

    public static let defaultPriorities: [Severity: Int] = [.info: 3, .warning: 4, .critical: 5]

    public init(
        url: EndpointURL,
        token: SecretSource?,
        priorities: [Severity: Int] = NtfySettings.defaultPriorities,
        tags: [String] = [],
        connectTimeout: TimeSpan = TimeSpan(seconds: 10)
    ) {
        self.url = url
        self.token = token
        self.priorities = priorities
        self.tags = tags
        self.connectTimeout = connectTimeout
    }
}

extension NtfySettings: HTTPEndpointSettings {}
