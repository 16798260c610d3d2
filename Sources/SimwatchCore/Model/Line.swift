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

    public init(
        id: String,
        name: String,
        provider: any ProviderSettings,
        plan: PlanSettings,
        channels: [String] = ["journal"],
        rules: [Rule],
        pollInterval: TimeSpan,
        email: LineEmail? = nil
    ) {
        self.id = id
        self.name = name
        self.provider = AnyProviderSettings(provider)
        self.plan = plan
        self.channels = channels
        self.rules = rules
        self.pollInterval = pollInterval
        self.email = email
    }
}
