public import SimwatchCore

/// `type = "webhook"`: a signed JSON POST (Standard Webhooks).
public struct WebhookSettings: ChannelKind {
    public static let type = "webhook"
    public var url: EndpointURL
    /// The `whsec_...` signing secret; without one, requests carry no `webhook-signature`.
    public var secret: SecretSource?
    public var connectTimeout: TimeSpan

    public init(url: EndpointURL, secret: SecretSource?, connectTimeout: TimeSpan = TimeSpan(seconds: 10)) {
        self.url = url
        self.secret = secret
        self.connectTimeout = connectTimeout
    }
}

extension WebhookSettings: HTTPEndpointSettings {}
