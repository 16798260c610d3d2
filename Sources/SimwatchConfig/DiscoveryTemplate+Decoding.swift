import SimwatchCore
import SimwatchTOML

extension DiscoveryTemplate {
    /// The template of every valid account with `discover = true`, by account name: its `[accounts.NAME.lines]`
    /// decoded as a `[[line]]` of the account (its own mistakes reported with their lines), refusing `id` and
    /// `[line.provider]`, which discovery sets.
    static func decodeAll(
        _ accounts: [String: AccountDecoder.Decoded],
        daemon: DaemonSettings,
        defaultRules: [Rule],
        channels: (configured: [ChannelSettings], broken: Set<String>),
        sources: [any ProviderDecoder.Family.Type],
        sink: DiagnosticSink
    ) -> [String: DiscoveryTemplate] {
        var out: [String: DiscoveryTemplate] = [:]
        for (name, account) in accounts.sorted(by: { $0.key < $1.key }) {
            guard let every = account.discoverEvery, account.valid else { continue }
            let id = "accounts.\(name).lines"
            let written = account.lines
            for key in ["id", "provider"] where written?.has(key) == true {
                written?.error(
                    key,
                    "`\(key)` of a discovered line is set by discovery",
                    hint: "remove it: the id is \"\(name)-ICCID\" and the provider is the account"
                )
            }
            let own = written?.table.removing(["id", "provider"])
            let placeholder = "id = \"\(id)\"\n[provider]\naccount = \"\(name)\"\niccid = \"89000000000000000000\""
            guard let fixed = try? TOMLTable(parsing: placeholder) else { continue }
            let reader = TableReader(
                table: own.map { $0.merging(fixed) } ?? fixed,
                path: written?.path ?? "accounts.\(name).lines",
                context: "[accounts.\(name).lines]",
                sink: sink
            )
            guard
                let line = LineDecoder.decode(
                    reader,
                    daemon: daemon,
                    defaultRules: defaultRules,
                    channels: channels,
                    sources: sources,
                    accounts: accounts
                )
            else { continue }
            out[name] = DiscoveryTemplate(
                account: name,
                every: every,
                line: line,
                provider: account.provider,
                family: account.family,
                zone: daemon.timeZone
            )
        }
        return out
    }
}
