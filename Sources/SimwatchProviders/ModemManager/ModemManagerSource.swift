import SimwatchConfig
import SimwatchCore

/// `type = "modemmanager"`: the carrier's balance asked over the modem (a USSD code or an SMS from a sender),
/// its reply read by a carrier preset's or the user's patterns.
enum ModemManagerSource: ProviderSource {
    /// The reply patterns that may be given, each a regular expression or a list of them.
    private static let patternKeys = [
        "remaining_pattern", "used_pattern", "total_pattern", "credit_pattern", "expiry_pattern", "unlimited_pattern",
    ]

    static func decode(_ table: TableReader, line: ProviderDecoder.LineContext) -> ModemManagerProviderSettings? {
        var preset: CarrierPreset?
        if let name = table.choice("preset", CarrierPreset.all.map(\.name)) { preset = CarrierPreset.named(name) }
        var parser = preset?.parser ?? CarrierPreset.generic
        parser.timeZone = table.zone("time_zone", default: line.zone)
        if let binary = table.bool("binary_units") { parser.binaryUnits = binary }
        for key in patternKeys {
            guard let patterns = table.stringList(key) else { continue }
            for pattern in patterns {
                if let problem = ReplyParser.problem(in: pattern) {
                    table.error(key, "`\(key)` is not a valid regular expression: \(problem)")
                }
            }
            switch key {
            case "remaining_pattern": parser.remaining = patterns
            case "used_pattern": parser.used = patterns
            case "total_pattern": parser.total = patterns
            case "credit_pattern": parser.credit = patterns
            case "expiry_pattern": parser.expiry = patterns
            default: parser.unlimited = patterns
            }
        }

        var query = preset?.query
        let method = table.choice("method", ["ussd", "sms"])
        let ussd = table.string("ussd")
        let from = table.string("sms_from")
        let maxAge = table.parsed("sms_max_age", TimeSpan.init(parsing:))
        let presetMethod: String? = presetCode(query) != nil ? "ussd" : presetSender(query) != nil ? "sms" : nil
        switch method ?? (ussd != nil ? "ussd" : from != nil ? "sms" : presetMethod) {
        case "ussd":
            if let code = ussd ?? presetCode(query) {
                query = .ussd(code: code)
            } else {
                table.error(nil, "missing `ussd`", hint: "the code to dial, e.g. ussd = \"#123#\"")
            }
        case "sms":
            if let sender = from ?? presetSender(query) {
                query = .sms(from: sender, maxAge: maxAge ?? presetMaxAge(query) ?? .days(2))
            } else {
                table.error(nil, "missing `sms_from`", hint: "the carrier's sender, e.g. sms_from = \"555\"")
            }
        default:
            if query == nil {
                table.error(
                    nil,
                    "say how to ask: `ussd` (a code), `sms_from` (a sender) or a `preset`",
                    hint: "presets: \(CarrierPreset.all.map(\.name).joined(separator: ", "))"
                )
            }
        }
        if let code = ussd, code.isEmpty || !code.allSatisfy({ "0123456789*#+".contains($0) }) {
            table.error("ussd", "`ussd` = \"\(code)\" is not a USSD code", hint: "digits, * and #, e.g. \"#123#\"")
        }
        let iccid = table.iccid(required: false)
        let operatorName = table.string("operator")
        let timeout = table.timeout(default: TimeSpan(seconds: 30))
        table.finish(
            allowing: [
                "type", "preset", "method", "ussd", "sms_from", "sms_max_age", "iccid", "operator", "timeout",
                "time_zone", "binary_units",
            ] + patternKeys
        )
        guard let query else { return nil }
        return ModemManagerProviderSettings(
            iccid: iccid,
            operatorName: operatorName,
            query: query,
            parser: parser,
            timeout: timeout,
            preset: preset?.name
        )
    }

    private static func presetCode(_ query: ModemManagerProviderSettings.Query?) -> String? {
        if case .ussd(let code)? = query { return code }
        return nil
    }

    private static func presetSender(_ query: ModemManagerProviderSettings.Query?) -> String? {
        if case .sms(let from, _)? = query { return from }
        return nil
    }

    private static func presetMaxAge(_ query: ModemManagerProviderSettings.Query?) -> TimeSpan? {
        if case .sms(_, let age)? = query { return age }
        return nil
    }

    static func makeProvider(_ settings: ModemManagerProviderSettings, context: ProviderContext) -> any UsageProvider {
        ModemManagerProvider(
            settings: settings,
            sessions: context.shared.value(ModemSessions.init),
            logger: context.logger
        )
    }
}
