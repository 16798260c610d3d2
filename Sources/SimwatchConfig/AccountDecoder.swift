import SimwatchCore
import SimwatchTOML

/// `[accounts.NAME]`: a provider account declared once (its `type`, credentials, `base_url`, `timeout`,
/// `requests_per_minute`) and used by lines with `[line.provider] account = "NAME"` and their own `iccid`. The
/// account's provider keys are checked once, by the provider's own decoder, in the account's table; each line
/// then gets the provider settings of the account with its ICCID. A line may not repeat or override the account's
/// keys.
enum AccountDecoder {
    /// One decoded account: what the daemon keeps (`account`) and what its lines are decoded from.
    struct Decoded {
        var account: ProviderAccount
        var family: any ProviderDecoder.Family.Type
        /// The account's provider keys, each with its own position, that a line's `iccid` joins.
        var provider: TOMLTable
        /// Whether the provider keys decoded; a broken account's lines report only their own mistakes.
        var valid: Bool
        /// `discover = true`: how often its SIMs are listed; nil: no discovery.
        var discoverEvery: TimeSpan?
        /// `[accounts.NAME.lines]`, the discovered lines' template (decoded by `DiscoveryTemplate`).
        var lines: TableReader?
    }

    /// Keys of `[accounts.NAME]` that are the account's own, not its provider's.
    static let ownKeys: Set<String> = ["requests_per_minute", "discover", "discover_every", "lines"]

    /// The keys a line using an account may have in its `[line.provider]`.
    static let lineKeys = ["account", "iccid"]

    /// An ICCID the account's keys are checked with before any line gives its own.
    private static let probeICCID = "89000000000000000000"

    /// Every `[accounts.NAME]`, by name; problems are reported and such an account is kept as invalid so its lines
    /// do not also say it is unknown.
    static func decodeAll(
        _ table: TableReader?,
        families: [any ProviderDecoder.Family.Type],
        zone: ZoneInfo
    ) -> [String: Decoded] {
        guard let table else { return [:] }
        var accounts: [String: Decoded] = [:]
        for name in table.table.keys {
            guard let reader = table.subtable(name, context: "[accounts.\(name)]") else { continue }
            if let decoded = decode(reader, name: name, families: families, zone: zone) {
                accounts[name] = decoded
            }
        }
        return accounts
    }

    private static func decode(
        _ table: TableReader,
        name: String,
        families: [any ProviderDecoder.Family.Type],
        zone: ZoneInfo
    ) -> Decoded? {
        if !RuleDecoder.isValidID(name) {
            table.error(
                nil,
                "account name `\(name)` may use only a-z, 0-9, '.', '_' and '-'",
                hint: "e.g. [accounts.airalo-main]"
            )
        }
        let eligible = families.filter { $0.defaultRequestsPerMinute != nil }
        let types = eligible.map { $0.type }
        guard let type = table.string("type") else {
            if !table.has("type") {
                table.error(nil, "missing `type`", hint: "one of: \(types.joined(separator: ", "))")
            }
            return nil
        }
        guard let family = eligible.first(where: { $0.type == type }) else {
            let known = families.contains { $0.type == type }
            table.error(
                "type",
                known
                    ? "a `\(type)` source has no accounts (one account, many SIMs)"
                    : "unknown account type `\(type)`",
                hint: Suggestion.nearest(to: type, in: types).map { "did you mean `\($0)`?" }
                    ?? "accounts are of type: \(types.joined(separator: ", "))"
            )
            return nil
        }
        if table.has("iccid") {
            table.error(
                "iccid",
                "`iccid` belongs to each line, not to the account",
                hint: "give every line its own: [line.provider] account = \"\(name)\" and iccid = \"...\""
            )
        }
        let rpm = table.int("requests_per_minute", in: 1...60_000) ?? family.defaultRequestsPerMinute ?? 60
        let discoverEvery = discovery(table)
        // The provider's own decoder checks the rest (and reports unknown keys), as for a line of that type.
        let provider = table.table.removing(ownKeys.union(["iccid"]))
        var valid = false
        if let probe = try? TOMLTable(parsing: "iccid = \"\(probeICCID)\"") {
            var reader = TableReader(
                table: provider.merging(probe),
                path: table.path,
                context: table.context,
                sink: table.sink
            )
            reader.suggesting = (ownKeys.subtracting(["lines"]).sorted(), ["iccid"])
            let context = ProviderDecoder.LineContext(plan: PlanSettings(), quotaWritten: false, zone: zone)
            valid = family.decodeAny(reader, line: context) != nil
        }
        return Decoded(
            account: ProviderAccount(name: name, type: type, requestsPerMinute: rpm),
            family: family,
            provider: provider,
            valid: valid,
            discoverEvery: discoverEvery,
            lines: discoverEvery == nil ? nil : table.subtable("lines", context: "[accounts.\(name).lines]")
        )
    }

    /// `discover = true` and `discover_every` (default 6 h, at least 1 h); nil without discovery.
    private static func discovery(_ table: TableReader) -> TimeSpan? {
        guard table.bool("discover") == true else {
            for key in ["discover_every", "lines"] where table.has(key) {
                table.error(
                    key,
                    "`\(key)` applies only to an account with `discover = true`",
                    hint: "add discover = true"
                )
            }
            return nil
        }
        guard let every = table.parsed("discover_every", TimeSpan.init(parsing:)) else {
            return DiscoveryTemplate.defaultEvery
        }
        guard every >= DiscoveryTemplate.minimumEvery else {
            table.error(
                "discover_every",
                "`discover_every` = \(every) is too short",
                hint:
                    "use \(DiscoveryTemplate.minimumEvery) or more: listing an account is slow and counts against its limits"
            )
            return DiscoveryTemplate.defaultEvery
        }
        return every
    }

    /// The account a `[[line]]` names in its `[line.provider]`, if any (read without reporting: the provider's
    /// decoding reports its mistakes).
    static func accountName(of line: TableReader) -> String? {
        line.table["provider"]?.table?["account"]?.string
    }

    /// The provider settings of a line whose `[line.provider]` names an account: the account's, with the line's
    /// ICCID. Nil after reporting why not.
    static func lineProvider(
        _ table: TableReader,
        accounts: [String: Decoded],
        line: ProviderDecoder.LineContext
    ) -> (any ProviderSettings)? {
        guard let name = table.string("account") else { return nil }
        let iccid = table.iccid(required: true)
        guard let account = accounts[name] else {
            let names = accounts.keys.sorted()
            table.error(
                "account",
                "unknown account `\(name)`",
                hint: Suggestion.nearest(to: name, in: names).map { "did you mean `\($0)`?" }
                    ?? (names.isEmpty
                        ? "declare it as [accounts.\(name)] with its type and credentials"
                        : "known accounts: \(names.joined(separator: ", "))")
            )
            return nil
        }
        for key in table.table.keys.sorted() where !lineKeys.contains(key) {
            if account.provider.contains(key: key) || key == "type" {
                table.error(
                    key,
                    "`\(key)` comes from [accounts.\(name)]: a line may not repeat or override its account's keys",
                    hint: "remove it here, or give the line its own [line.provider] without `account`"
                )
            } else {
                table.error(
                    key,
                    "unknown key `\(key)` for a line of an account",
                    hint: "a line names its account and its own `iccid`; the rest is set in [accounts.\(name)]"
                )
            }
        }
        guard account.valid, iccid != nil else { return nil }
        // The account's keys were checked in its own table; only the line's ICCID is new here.
        let scratch = DiagnosticSink(file: table.sink.file)
        let reader = TableReader(
            table: table.table.removing(["account"]).merging(account.provider),
            path: table.path,
            context: table.context,
            sink: scratch
        )
        let settings = account.family.decodeAny(reader, line: line)
        if settings == nil {
            table.error("account", "the settings of [accounts.\(name)] do not apply to this line")
        }
        return settings
    }
}
