import SimwatchCore

/// Decodes one `[[line]]` table with its plan, provider and rules.
enum LineDecoder {
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
        let label = id.map { " of line '\($0)'" } ?? ""
        var pollInterval = daemon.pollInterval
        if let interval = table.parsed("poll_interval", TimeSpan.init(parsing:)) {
            if interval.seconds < 10 {
                table.error("poll_interval", "`poll_interval` = \(interval) is too short", hint: "use 10s or more")
            }
            pollInterval = interval
        }

        let lineChannels = ChannelDecoder.lineChannels(table, configured: channels.configured, broken: channels.broken)
        let email = ChannelDecoder.lineEmail(
            table.subtable("email", context: "[line.email]\(label)"),
            lineChannels: lineChannels,
            configured: channels.configured
        )

        let renewTable = table.subtable("renew", context: "[line.renew]\(label)")
        let renew = renewTable.map(RenewDecoder.decode) ?? RenewalGuide()
        let confirmWithin = renewTable.flatMap(RenewDecoder.confirmWithin) ?? Line.defaultConfirmWithin
        let offers = OfferDecoder.decodeOwn(table.tables("offer"), label: label)
        let neededUntil = table.date("needed_until", zone: daemon.timeZone)

        let planTable = table.subtable("plan", context: "[line.plan]\(label)")
        let plan = planTable.map { decodePlan($0, zone: daemon.timeZone) } ?? PlanSettings()
        // A quota that failed to parse was already reported; do not also say it is missing.
        let quotaWritten = planTable?.has("quota") ?? false
        var provider: AnyProviderSettings?
        if let providerTable = table.subtable("provider", context: "[line.provider]\(label)") {
            provider = ProviderDecoder.decode(
                providerTable,
                families: sources,
                plan: plan,
                quotaWritten: quotaWritten,
                zone: daemon.timeZone,
                accounts: accounts
            ).map(AnyProviderSettings.init)
        } else if table.has("provider") == false {
            table.error(nil, "missing [line.provider]", hint: "add [line.provider] with type = \"demo\"")
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
            rules = RuleDecoder.decodeAll(ruleTables, header: "[[line.rule]]", label: label)
        }
        let language = table.language("language")
        table.finish(
            allowing: [
                "id", "name", "poll_interval", "channels", "email", "plan", "provider", "rule", "renew", "offer",
                "needed_until", "language",
            ]
        )
        guard let id, let provider else { return nil }
        return Line(
            id: id,
            name: name,
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
