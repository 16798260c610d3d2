import SimwatchCore
internal import SimwatchTOML

/// Decodes one `[[line]]` table with its plan, provider and rules, and a `[groups.NAME]` table (the same keys
/// without `id` and `name`) into the `LineTemplate` its inventory rows share.
enum LineDecoder {
    /// The keys of a `[[line]]` table besides `id` and `name`: what a group gives its lines.
    static let settingKeys = [
        "poll_interval", "channels", "email", "plan", "provider", "rule", "renew", "offer", "needed_until", "language",
    ]

    /// An ICCID a group's provider table is tried with, to learn whether the provider takes one.
    private static let probeICCID = "8900000000000000000"

    static func decode(
        _ raw: TableReader,
        daemon: DaemonSettings,
        defaultRules: [Rule],
        channels: (configured: [ChannelSettings], broken: Set<String>),
        sources: [any ProviderDecoder.Family.Type],
        accounts: [String: AccountDecoder.Decoded] = [:]
    ) -> Line? {
        let id = raw.string("id")
        if id == nil, !raw.has("id") { raw.error(nil, "missing `id`", hint: "e.g. id = \"fr-travel\"") }
        let table = raw.renamed(context: id.map { "[[line]] '\($0)'" } ?? raw.context)
        if let id, !RuleDecoder.isValidID(id) {
            table.error(
                "id",
                "line id `\(id)` may use only a-z, 0-9, '.', '_' and '-'",
                hint: "put spaces and other letters in `name`"
            )
        }
        let name = table.string("name") ?? id ?? ""
        let template = decodeSettings(
            table,
            prefix: "line",
            label: id.map { " of line '\($0)'" } ?? "",
            perICCID: false,
            daemon: daemon,
            defaultRules: defaultRules,
            channels: channels,
            sources: sources,
            accounts: accounts
        )
        table.finish(allowing: ["id", "name"] + settingKeys)
        guard let id, var line = template?.prototype else { return nil }
        line.id = id
        line.name = name
        return line
    }

    /// `[groups.NAME]`: the settings every line of the group shares; its provider takes each row's ICCID.
    static func decodeGroup(
        _ table: TableReader,
        name: String,
        daemon: DaemonSettings,
        defaultRules: [Rule],
        channels: (configured: [ChannelSettings], broken: Set<String>),
        sources: [any ProviderDecoder.Family.Type],
        accounts: [String: AccountDecoder.Decoded] = [:]
    ) -> LineTemplate? {
        let template = decodeSettings(
            table,
            prefix: "groups.\(name)",
            label: "",
            perICCID: true,
            daemon: daemon,
            defaultRules: defaultRules,
            channels: channels,
            sources: sources,
            accounts: accounts
        )
        table.finish(allowing: settingKeys)
        return template
    }

    private static func decodeSettings(
        _ table: TableReader,
        prefix: String,
        label: String,
        perICCID: Bool,
        daemon: DaemonSettings,
        defaultRules: [Rule],
        channels: (configured: [ChannelSettings], broken: Set<String>),
        sources: [any ProviderDecoder.Family.Type],
        accounts: [String: AccountDecoder.Decoded]
    ) -> LineTemplate? {
        var pollInterval = daemon.pollInterval
        if let interval = table.parsed("poll_interval", TimeSpan.init(parsing:)) {
            if interval.seconds < 10 {
                table.error("poll_interval", "`poll_interval` = \(interval) is too short", hint: "use 10s or more")
            }
            pollInterval = interval
        }

        let lineChannels = ChannelDecoder.lineChannels(table, configured: channels.configured, broken: channels.broken)
        let email = ChannelDecoder.lineEmail(
            table.subtable("email", context: "[\(prefix).email]\(label)"),
            lineChannels: lineChannels,
            configured: channels.configured
        )

        let renewTable = table.subtable("renew", context: "[\(prefix).renew]\(label)")
        let renew = renewTable.map(RenewDecoder.decode) ?? RenewalGuide()
        let confirmWithin = renewTable.flatMap(RenewDecoder.confirmWithin) ?? Line.defaultConfirmWithin
        let offers = OfferDecoder.decodeOwn(table.tables("offer"), label: label)
        let neededUntil = table.date("needed_until", zone: daemon.timeZone)

        let planTable = table.subtable("plan", context: "[\(prefix).plan]\(label)")
        let plan = planTable.map { decodePlan($0, zone: daemon.timeZone) } ?? PlanSettings()
        // A quota that failed to parse was already reported; do not also say it is missing.
        let quotaWritten = planTable?.has("quota") ?? false
        var provider: AnyProviderSettings?
        var perICCIDTable: TOMLTable?
        let providerContext = "[\(prefix).provider]\(label)"
        if let providerTable = table.subtable("provider", context: providerContext) {
            func decode(_ reader: TableReader) -> AnyProviderSettings? {
                ProviderDecoder.decode(
                    reader,
                    families: sources,
                    plan: plan,
                    quotaWritten: quotaWritten,
                    zone: daemon.timeZone,
                    accounts: accounts
                ).map(AnyProviderSettings.init)
            }
            if perICCID {
                if providerTable.has("iccid") {
                    providerTable.error(
                        "iccid",
                        "a group's provider takes each row's ICCID",
                        hint: "remove `iccid` here and give it in the inventory's `iccid` column"
                    )
                }
                // Tried with an ICCID: a provider that takes none says so, and is then decoded once for all rows.
                let probeSink = DiagnosticSink(file: table.sink.file)
                let probe = TableReader(
                    table: providerTable.table.setting("iccid", to: .string(probeICCID)),
                    path: providerTable.path,
                    context: providerTable.context,
                    sink: probeSink
                )
                let probed = decode(probe)
                if probeSink.items.contains(where: { $0.message == "unknown key `iccid`" }) {
                    provider = decode(providerTable)
                } else {
                    for item in probeSink.items { table.sink.add(item) }
                    provider = probed
                    perICCIDTable = providerTable.table
                }
            } else {
                provider = decode(providerTable)
            }
        } else if table.has("provider") == false {
            table.error(nil, "missing [\(prefix).provider]", hint: "add [\(prefix).provider] with type = \"demo\"")
        }

        // Some sources must not be asked too often (their settings' `minimumPollInterval`).
        if let minimum = provider?.minimumPollInterval, pollInterval < minimum {
            if table.has("poll_interval") {
                table.error(
                    "poll_interval",
                    "`poll_interval` = \(pollInterval) is too short for a \(provider?.type ?? "") line",
                    hint: "use \(minimum) or more"
                )
            }
            pollInterval = minimum
        }

        var rules = defaultRules.isEmpty ? DefaultRules.all : defaultRules
        let ruleTables = table.tables("rule")
        if !ruleTables.isEmpty {
            rules = RuleDecoder.decodeAll(ruleTables, header: "[[\(prefix).rule]]", label: label)
        }
        let language = table.language("language")
        guard let provider else { return nil }
        let prototype = Line(
            id: "",
            name: "",
            provider: provider.base,
            plan: plan,
            channels: lineChannels,
            rules: rules,
            pollInterval: pollInterval,
            email: email,
            renew: renew,
            offers: offers,
            neededUntil: neededUntil,
            confirmWithin: confirmWithin,
            language: language,
            account: AccountDecoder.accountName(of: table)
        )
        let mailChannels = channels.configured.filter { $0.kind.sendsMail && lineChannels.contains($0.name) }
        return LineTemplate(
            prototype: prototype,
            mailChannels: mailChannels.map(\.name),
            providerTable: perICCIDTable,
            providerContext: providerContext,
            families: sources,
            plan: plan,
            quotaWritten: quotaWritten,
            zone: daemon.timeZone,
            accounts: accounts
        )
    }

    private static func decodePlan(_ table: TableReader, zone: ZoneInfo) -> PlanSettings {
        var plan = PlanSettings()
        plan.quota = table.parsed("quota", ByteCount.init(parsing:))
        plan.started = table.date("started", zone: zone)
        let choices = ["valid_for", "expires", "cycle_day"].filter(table.has)
        if choices.count > 1 {
            table.error(choices[1], "set only one of `valid_for`, `expires` and `cycle_day`")
        }
        if let span = table.parsed("valid_for", TimeSpan.init(parsing:)) {
            plan.validity = .validFor(span)
        } else if let date = table.date("expires", zone: zone) {
            plan.validity = .expires(date)
        } else if let day = table.int("cycle_day", in: 1...31) {
            plan.validity = .monthly(cycleDay: day)
        }
        table.finish(allowing: ["quota", "valid_for", "expires", "cycle_day", "started"])
        return plan
    }
}
