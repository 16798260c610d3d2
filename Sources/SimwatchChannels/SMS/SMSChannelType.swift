import SimwatchConfig
import SimwatchCore

/// `type = "sms"`: a text message through ModemManager's Messaging API.
enum SMSChannelType: ChannelType {
    /// More numbers than this is a mass mailing, not a reminder: each costs a message or more.
    static let maximumRecipients = 10

    static func decode(_ table: TableReader) -> SMSSettings? {
        defer { table.finish(allowing: ChannelDecoder.commonKeys + ["to", "iccid", "operator", "max_parts"]) }
        var numbers: [PhoneNumber] = []
        if let list = table.stringList("to") {
            for text in list {
                guard let number = table.parsedText(text, key: "to", PhoneNumber.init(parsing:)) else { continue }
                if !numbers.contains(number) { numbers.append(number) }
            }
            if list.isEmpty {
                table.error("to", "`to` is empty", hint: "at least one number, e.g. to = \"+33612345678\"")
            } else if numbers.count > maximumRecipients {
                table.error(
                    "to",
                    "`to` has \(numbers.count) numbers",
                    hint: "at most \(maximumRecipients): each one costs a message or more"
                )
            }
        } else if !table.has("to") {
            table.error(nil, "missing `to`", hint: "the number to text, e.g. to = \"+33612345678\"")
        }
        let iccid = table.iccid(required: false)
        let operatorName = table.string("operator")
        if let name = operatorName, name.trimmingSpaces.isEmpty {
            table.error("operator", "`operator` is empty", hint: "an operator name (\"Orange F\") or code (\"20801\")")
        }
        let maxParts = table.int("max_parts", in: SMSText.partRange) ?? SMSSettings.defaultMaxParts
        guard !numbers.isEmpty, numbers.count <= maximumRecipients else { return nil }
        return SMSSettings(to: numbers, iccid: iccid, operatorName: operatorName, maxParts: maxParts)
    }

    static func makeChannel(
        _ settings: SMSSettings,
        channel: ChannelSettings,
        context: ChannelContext
    ) throws(ChannelFactory.Problem) -> any NotificationChannel {
        SMSChannel(
            name: channel.name,
            settings: settings,
            templates: try context.templates(channel, .summary),
            timeout: channel.attemptTimeout.timeInterval,
            zone: context.zone
        )
    }
}
