import SimwatchConfig
import SimwatchCore

/// `type = "desktop"`: a notice on the desktop session's bus.
enum DesktopChannelType: ChannelType {
    static func decode(_ table: TableReader) -> DesktopSettings? {
        defer { table.finish(allowing: ChannelDecoder.commonKeys + ["urgency", "expire_after"]) }
        var settings = DesktopSettings()
        let levels: [String: UInt8] = ["low": 0, "normal": 1, "critical": 2]
        if let sub = table.subtable("urgency", context: "\(table.context) urgency") {
            for severity in Severity.allCases {
                guard let word = sub.string(severity.rawValue) else { continue }
                guard let level = levels[word] else {
                    sub.error(severity.rawValue, "urgency `\(word)` is not low, normal or critical")
                    continue
                }
                settings.urgency[severity] = level
            }
            sub.finish(allowing: Severity.allCases.map(\.rawValue))
        }
        if let text = table.string("expire_after") {
            if text == "never" {
                settings.expireTimeout = 0
            } else if let span = table.parsedText(text, key: "expire_after", TimeSpan.init(parsing:)) {
                if span.seconds < 1 || span.seconds > 86_400 {
                    table.error(
                        "expire_after",
                        "`expire_after` = \(span) is out of range",
                        hint: "use 1s ... 1d or \"never\""
                    )
                }
                settings.expireTimeout = Int32(clamping: span.seconds * 1000)
            }
        }
        return settings
    }

    static func makeChannel(
        _ settings: DesktopSettings,
        channel: ChannelSettings,
        context: ChannelContext
    ) throws(ChannelFactory.Problem) -> any NotificationChannel {
        DesktopChannel(
            settings: settings,
            templates: try context.templates(channel, .summary),
            timeout: channel.attemptTimeout.timeInterval,
            zone: context.zone
        )
    }
}
