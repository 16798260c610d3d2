public import FoundationEssentials

/// One SIM or eSIM plan being watched: who reads it, what the plan is, which rules apply and who hears about it.
public struct Line: Sendable, Hashable, Identifiable {
    /// Stable identifier used in the state database, the journal and the control API (`[a-z0-9._-]`).
    public var id: String
    /// Display name, any Unicode ("法国上网卡 Orange Holiday").
    public var name: String
    public var provider: AnyProviderSettings
    /// The line's own mail recipients (`[line.email]`), replacing those of its email channels.
    public var email: LineEmail?
    /// The language of the line's reader (`[[line]] language`, a reseller's customer); nil: the daemon's.
    public var language: Language?
    /// The `[accounts.NAME]` the line is polled through (`[line.provider] account`); nil for a line with its own
    /// provider settings.
    public var account: String?
    /// What lines of one kind have alike (plan, rules, channels, renewal), held by reference and shared between
    /// lines whose terms are equal (`Line.shareTerms`): a fleet of 100,000 lines from one group holds them once.
    private var terms: TermsBox

    /// The plan: quota, period, price.
    public var plan: PlanSettings {
        get { self[terms: \.plan] }
        set { self[terms: \.plan] = newValue }
    }
    /// Channel names that hear about this line; `journal` is always among them.
    public var channels: [String] {
        get { self[terms: \.channels] }
        set { self[terms: \.channels] = newValue }
    }
    public var rules: [Rule] {
        get { self[terms: \.rules] }
        set { self[terms: \.rules] = newValue }
    }
    public var pollInterval: TimeSpan {
        get { self[terms: \.pollInterval] }
        set { self[terms: \.pollInterval] = newValue }
    }
    /// How to renew it (`[line.renew]`), carried in every reminder.
    public var renew: RenewalGuide {
        get { self[terms: \.renew] }
        set { self[terms: \.renew] = newValue }
    }
    /// What it can be renewed with: its own `[[line.offer]]`s and the shared `[[offer]]`s that name it.
    public var offers: [Offer] {
        get { self[terms: \.offers] }
        set { self[terms: \.offers] = newValue }
    }
    /// Until when the line is needed (the end of a trip); nil: to the end of the current period, then one period.
    public var neededUntil: Date? {
        get { self[terms: \.neededUntil] }
        set { self[terms: \.neededUntil] = newValue }
    }
    /// How long the provider has to show a renewal recorded by hand (`[line.renew] confirm_within`, default 2 h);
    /// zero: not checked. Only for sources that report figures of their own.
    public var confirmWithin: TimeSpan {
        get { self[terms: \.confirmWithin] }
        set { self[terms: \.confirmWithin] = newValue }
    }

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
        self.email = email
        self.language = language
        self.account = account
        terms = TermsBox(
            Terms(
                plan: plan,
                channels: channels,
                rules: rules,
                pollInterval: pollInterval,
                renew: renew,
                offers: offers,
                neededUntil: neededUntil,
                confirmWithin: confirmWithin
            )
        )
    }

    /// Two hours: most provider APIs show a top-up within minutes, some serve a cached balance for an hour.
    public static let defaultConfirmWithin = TimeSpan.hours(2)

    /// Whether a renewal recorded by hand waits for the provider to show it.
    public var checksRenewals: Bool { provider.reportsFigures && confirmWithin.seconds > 0 }

    /// Makes the lines with equal terms hold one copy of them (after decoding, where each line got its own).
    /// Lines made from one template (a group's, an account's discovery) share their prototype's already: a box
    /// seen as the one kept for its terms is not hashed again.
    public static func shareTerms(_ lines: inout [Line]) {
        var shared: [Terms: TermsBox] = [:]
        var kept: Set<ObjectIdentifier> = []
        for index in lines.indices {
            let box = lines[index].terms
            if kept.contains(ObjectIdentifier(box)) { continue }
            if let known = shared[box.value] {
                if known !== box { lines[index].terms = known }
            } else {
                shared[box.value] = box
                kept.insert(ObjectIdentifier(box))
            }
        }
    }

    /// Whether two lines hold the same copy of their terms (after `shareTerms`).
    public func sharesTerms(with other: Line) -> Bool { terms === other.terms }

    /// One of the terms; written on a box no other line holds (copied first if shared).
    private subscript<Value>(terms field: WritableKeyPath<Terms, Value>) -> Value {
        get { terms.value[keyPath: field] }
        set {
            if !isKnownUniquelyReferenced(&terms) { terms = TermsBox(terms.value) }
            terms.value[keyPath: field] = newValue
        }
    }
}

extension Line {
    struct Terms: Hashable {
        var plan: PlanSettings
        var channels: [String]
        var rules: [Rule]
        var pollInterval: TimeSpan
        var renew: RenewalGuide
        var offers: [Offer]
        var neededUntil: Date?
        var confirmWithin: TimeSpan
    }

    /// The terms by reference; written only through `self[terms:]`, on a box no other line holds.
    final class TermsBox: Hashable, @unchecked Sendable {
        var value: Terms

        init(_ value: Terms) { self.value = value }

        static func == (lhs: TermsBox, rhs: TermsBox) -> Bool { lhs === rhs || lhs.value == rhs.value }

        func hash(into hasher: inout Hasher) { value.hash(into: &hasher) }
    }
}
