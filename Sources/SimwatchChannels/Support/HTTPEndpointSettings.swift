import SimwatchCore

/// Where a channel that POSTs (webhook, ntfy) sends its reminders, as `HTTPDelivery.post` needs it.
protocol HTTPEndpointSettings {
    var url: EndpointURL { get }
    /// How long connecting may take (the whole attempt has the channel's `attempt_timeout`).
    var connectTimeout: TimeSpan { get }
}
