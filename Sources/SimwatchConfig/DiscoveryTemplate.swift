public import SimwatchCore
import SimwatchTOML

/// `[accounts.NAME.lines]` of an account with `discover = true`: what every line discovered on the account is
/// like, a `[[line]]` without `id` and `[line.provider]` (plan, rules, channels, poll_interval, language, renew,
/// email). It is decoded once, as a line of the account, when the configuration is read, so its mistakes are
/// reported with file, line and key like any line's; a discovered SIM then becomes a copy with its own id, name
/// and ICCID.
///
/// Kept apart from the account so the inventories' `[groups.NAME]` line templates can share it later.
public struct DiscoveryTemplate: Sendable {
    /// The account's name.
    public let account: String
    /// How often the account's SIMs are listed.
    public let every: TimeSpan
    /// The template decoded as a line of the account (with a placeholder id and ICCID).
    let line: Line
    /// The account's provider keys, to which a discovered SIM's ICCID is added.
    let provider: TOMLTable
    let family: any ProviderDecoder.Family.Type
    let zone: ZoneInfo

    /// The account's provider settings (with a placeholder ICCID): what lists its SIMs.
    public var accountSettings: AnyProviderSettings { line.provider }

    /// The line watching the discovered SIM `sim`: id `NAME-ICCID` (`SIMDiscovery.lineID`), named by the listing
    /// (its nickname or label) or else by its ICCID.
    public func line(for sim: DiscoveredSIM) -> Line? {
        guard let probe = try? TOMLTable(parsing: "iccid = \"\(sim.iccid)\"") else { return nil }
        let sink = DiagnosticSink(file: "")
        let reader = TableReader(table: probe.merging(provider), path: "", context: "", sink: sink)
        let context = ProviderDecoder.LineContext(plan: line.plan, quotaWritten: line.plan.quota != nil, zone: zone)
        guard let settings = family.decodeAny(reader, line: context), sink.items.isEmpty else { return nil }
        var discovered = line
        discovered.id = SIMDiscovery.lineID(account: account, iccid: sim.iccid)
        discovered.name = sim.name.flatMap { $0.isEmpty ? nil : $0 } ?? sim.iccid
        discovered.provider = AnyProviderSettings(settings)
        discovered.account = account
        return discovered
    }
}

/// The shortest and default `discover_every`.
extension DiscoveryTemplate {
    public static let defaultEvery = TimeSpan.hours(6)
    public static let minimumEvery = TimeSpan.hours(1)
}
