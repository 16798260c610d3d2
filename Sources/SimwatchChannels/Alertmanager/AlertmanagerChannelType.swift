import SimwatchAdapterKit
import SimwatchConfig
import SimwatchCore

/// `type = "alertmanager"`: alerts for one or more Alertmanagers of a cluster.
enum AlertmanagerChannelType: ChannelType {
    static func decode(_ table: TableReader) -> AlertmanagerSettings? {
        defer {
            table.finish(
                allowing: ChannelDecoder.commonKeys + [
                    "url", "connect_timeout", "valid_for", "group", "runbook", "generator_url",
                ]
            )
        }
        if !table.has("url") {
            table.error(nil, "missing `url`", hint: "e.g. url = [\"http://127.0.0.1:9093\"]")
        }
        let texts = table.stringList("url") ?? []
        var urls: [EndpointURL] = []
        for text in texts {
            guard let url = table.parsedText(text, key: "url", EndpointURL.init(parsing:)) else { continue }
            if url.text.contains("/api/") {
                table.error("url", "`url` is the Alertmanager's base URL", hint: "leave out /api/v2/alerts")
                continue
            }
            urls.append(url)
        }
        if table.has("url"), texts.isEmpty {
            table.error("url", "`url` lists no Alertmanager", hint: "e.g. url = [\"http://127.0.0.1:9093\"]")
        }
        if texts.count > 16 { table.error("url", "`url` lists more than 16 Alertmanagers") }
        let connect = ChannelDecoder.connectTimeout(table)
        let validFor = table.parsed("valid_for", TimeSpan.init(parsing:)) ?? .days(2)
        if validFor < .minutes(5) || validFor > .days(30) {
            table.error("valid_for", "`valid_for` = \(validFor) is out of range", hint: "use 5m ... 30d")
        }
        let group = table.string("group")
        if let group, group.isEmpty || group.utf8.count > 128 || group.unicodeScalars.contains(where: \.isControl) {
            table.error("group", "`group` must be 1 to 128 characters without control characters")
        }
        let runbook = table.parsed("runbook", EndpointURL.init(parsing:))
        let generator = table.parsed("generator_url", EndpointURL.init(parsing:))
        guard urls.count == texts.count, !urls.isEmpty else { return nil }
        return AlertmanagerSettings(
            urls: urls,
            connectTimeout: connect,
            validFor: validFor,
            group: group,
            runbook: runbook?.text,
            generatorURL: generator
        )
    }

    static func makeChannel(
        _ settings: AlertmanagerSettings,
        channel: ChannelSettings,
        context: ChannelContext
    ) throws(ChannelFactory.Problem) -> any NotificationChannel {
        AlertmanagerChannel(
            settings: settings,
            transport: context.transport,
            timeout: channel.attemptTimeout.timeInterval
        )
    }
}

extension Unicode.Scalar {
    fileprivate var isControl: Bool { value < 0x20 || (0x7F...0x9F).contains(value) }
}
