package import SimwatchCore
internal import SimwatchTOML

/// A line's settings without its identity, decoded once and shared by every line made from it: a `[groups.NAME]`
/// table for the rows of an inventory, and (later) a provider account for the SIMs it lists. `line(...)` makes one
/// line from the template and what differs per SIM: id, name, ICCID, recipients and language.
///
/// Lines made from one template share the storage of its rules, channels, plan, offers and renewal guide
/// (copy-on-write), so a line costs little more than its own fields. When the provider takes an ICCID (airalo,
/// 1nce, modemmanager) each line decodes its own provider settings from the template's table with the ICCID set:
/// a handful of string reads, no TOML parsing.
package struct LineTemplate {
    /// The shared settings, as a line with an empty id and name.
    package var prototype: Line
    /// The channels of the template's lines that send mail: recipients go to these.
    package let mailChannels: [String]
    /// The provider table to decode per ICCID, when the provider takes one; nil: the prototype's provider serves all.
    private let providerTable: TOMLTable?
    private let providerContext: String
    private let families: [any ProviderDecoder.Family.Type]
    private let plan: PlanSettings
    private let quotaWritten: Bool
    private let zone: ZoneInfo
    /// `[accounts.NAME]`, for a provider table that names its account.
    private let accounts: [String: AccountDecoder.Decoded]

    /// Whether each line needs its own ICCID.
    package var takesICCID: Bool { providerTable != nil }

    init(
        prototype: Line,
        mailChannels: [String],
        providerTable: TOMLTable?,
        providerContext: String,
        families: [any ProviderDecoder.Family.Type],
        plan: PlanSettings,
        quotaWritten: Bool,
        zone: ZoneInfo,
        accounts: [String: AccountDecoder.Decoded] = [:]
    ) {
        self.prototype = prototype
        self.mailChannels = mailChannels
        self.providerTable = providerTable
        self.providerContext = providerContext
        self.families = families
        self.plan = plan
        self.quotaWritten = quotaWritten
        self.zone = zone
        self.accounts = accounts
    }

    /// Why a line could not be made from the template.
    package enum Refusal: Error, Sendable, Hashable {
        /// The provider reads one SIM by its ICCID, and none was given.
        case missingICCID
        /// The provider refused the ICCID (its message).
        case badICCID(String)
        /// Recipients were given, but the template's lines have no email channel.
        case noMailChannel
    }

    /// One line: the template's settings with `id`, `name` (default: the id), the SIM's `iccid` (for providers that
    /// take one), the customer's `recipients` (the line's `[line.email] to`, for all its email channels) and
    /// `language` (default: the template's).
    package func line(
        id: String,
        name: String? = nil,
        iccid: String? = nil,
        recipients: [MailAddress] = [],
        language: Language? = nil
    ) -> Result<Line, Refusal> {
        var line = prototype
        line.id = id
        line.name = name ?? id
        if let providerTable {
            guard let iccid else { return .failure(.missingICCID) }
            let sink = DiagnosticSink(file: "")
            let table = TableReader(
                table: providerTable.setting("iccid", to: .string(iccid)),
                path: "provider",
                context: providerContext,
                sink: sink
            )
            guard
                let provider = ProviderDecoder.decode(
                    table,
                    families: families,
                    plan: plan,
                    quotaWritten: quotaWritten,
                    zone: zone,
                    accounts: accounts
                ), sink.items.isEmpty
            else {
                return .failure(.badICCID(sink.items.first?.message ?? "refused"))
            }
            line.provider = AnyProviderSettings(provider)
        }
        if !recipients.isEmpty {
            guard !mailChannels.isEmpty else { return .failure(.noMailChannel) }
            line.email = LineEmail(to: recipients, channels: prototype.email?.channels ?? [])
        }
        if let language { line.language = language }
        return .success(line)
    }
}
