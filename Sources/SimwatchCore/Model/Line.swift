public import FoundationEssentials

/// One SIM or eSIM plan being watched: who reads it, what the plan is, which rules apply and who hears about it.
public struct Line: Sendable, Hashable, Identifiable {
    /// Stable identifier used in the state database, the journal and the control API (`[a-z0-9._-]`).
    public var id: String
    /// Display name, any Unicode ("法国上网卡 Orange Holiday").
    public var name: String
    public var provider: AnyProviderSettings
    public var plan: PlanSettings
    /// Channel names that hear about this line; `journal` is always among them.
    public var channels: [String]
    public var rules: [Rule]
    public var pollInterval: TimeSpan
    /// The line's own mail recipients (`[line.email]`), replacing those of its email channels.
    public var email: LineEmail?
    /// How to renew it (`[line.renew]`), carried in every reminder.
    public var renew: RenewalGuide
    /// What it can be renewed with: its own `[[line.offer]]`s and the shared `[[offer]]`s that name it.
    public var offers: [Offer]
    /// Until when the line is needed (the end of a trip); nil: to the end of the current period, then one period.
    public var neededUntil: Date?
    /// How long the provider has to show a renewal recorded by hand (`[line.renew] confirm_within`, default 2 h);
    /// zero: not checked. Only for sources that report figures of their own.
    public var confirmWithin: TimeSpan
    /// The language of the line's reader (`[[line]] language`, a reseller's customer); nil: the daemon's.
    public var language: Language?
    /// The `[accounts.NAME]` the line is polled through (`[line.provider] account`); nil for a line with its own
    /// provider settings.
    public var account: String?

    public init(
        id: String,
        name: String,
        provider: any ProviderSettings,
        plan: PlanSettings,
        channels: [String] = ["journal"],
        rules: [Rule],
        pollInterval: TimeSpan,
        email: LineEmail? = nil,
        renew: RenewalGuide = RenewalGuide(),
        offers: [Offer] = [],
        neededUntil: Date? = nil,
        confirmWithin: TimeSpan = Line.defaultConfirmWithin,
        language: Language? = nil,
        account: String? = nil
    ) {
        self.id = id
        self.name = name
        self.provider = AnyProviderSettings(provider)
        self.plan = plan
        self.channels = channels
        self.rules = rules
        self.pollInterval = pollInterval
        self.email = email
        self.renew = renew
        self.offers = offers
        self.neededUntil = neededUntil
        self.confirmWithin = confirmWithin
        self.language = language
        self.account = account
    }

    /// Two hours: most provider APIs show a top-up within minutes, some serve a cached balance for an hour.
    public static let defaultConfirmWithin = TimeSpan.hours(2)

    /// Whether a renewal recorded by hand waits for the provider to show it.
    public var checksRenewals: Bool { provider.reportsFigures && confirmWithin.seconds > 0 }
}
