/// How to renew a line (`[line.renew]`): where to top up, the recharge code and whom to ask when it does not
/// work. Every part is optional; every reminder carries what is set, so the person reading it knows what to do.
/// Checked at load (`RenewalGuide.Link`, `RechargeCode`, `SupportContact`), so nothing here is raw outside text.
public struct RenewalGuide: Sendable, Hashable, Codable {
    /// The top-up page.
    public var url: Link?
    /// The provider's app, by name ("Orange et moi"), with a link to it if given.
    public var app: String?
    public var appLink: Link?
    /// A shop: free text (address, hours).
    public var shop: String?
    /// A recharge code to dial or text.
    public var code: RechargeCode?
    /// Whom to contact when a renewal does not arrive.
    public var support: SupportContact?
    /// Anything else the reader should know ("the PIN is on the card").
    public var note: String?

    public init(
        url: Link? = nil,
        app: String? = nil,
        appLink: Link? = nil,
        shop: String? = nil,
        code: RechargeCode? = nil,
        support: SupportContact? = nil,
        note: String? = nil
    ) {
        self.url = url
        self.app = app
        self.appLink = appLink
        self.shop = shop
        self.code = code
        self.support = support
        self.note = note
    }

    /// Nothing is set.
    public var isEmpty: Bool {
        url == nil && app == nil && appLink == nil && shop == nil && code == nil && support == nil && note == nil
    }

    /// What is set, by name (`url`, `app`, `app_link`, `shop`, `code`, `support`, `note`), in that order: the
    /// journal's `SIMWATCH_RENEW_*` fields, the webhook's `renew` object and the templates' `renew` variables.
    public var fields: [(name: String, value: String)] {
        let all: [(String, String?)] = [
            ("url", url?.text), ("app", app), ("app_link", appLink?.text), ("shop", shop),
            ("code", code?.description), ("support", support?.description), ("note", note),
        ]
        return all.compactMap { name, value in value.map { (name, $0) } }
    }

    /// The page a "Renew" button opens: the top-up page, else the app's link.
    public var openURL: Link? { url ?? appLink }

    /// One sentence for reminders, in English: "Renew at https://… or in the Orange et moi app; support
    /// +33 9 69 36 39 00." Empty when nothing is set. Other languages: `Phrasebook.renewal(_:)`.
    public var sentence: String { English().renewal(self) }

    /// The sentence in `language`.
    public func sentence(in language: Language) -> String { language.phrasebook.renewal(self) }
}

extension RenewalGuide {
    /// A web link (`http` or `https`) to show and open: no spaces or control characters, no credentials, a host,
    /// at most 2,000 characters.
    public struct Link: Sendable, Hashable, ParsedText {
        public let text: String

        public init(parsing text: String) throws(UnitParseError) {
            let hint = "write the page's address, e.g. https://boutique.orange.fr/recharge"
            guard text.utf8.count <= 2_000 else {
                throw UnitParseError(input: text, message: "the link is longer than 2000 characters", hint: hint)
            }
            guard let schemeEnd = text.firstRange(of: "://") else {
                throw UnitParseError(input: text, message: "`\(text)` is not a web link", hint: hint)
            }
            let scheme = text[..<schemeEnd.lowerBound].lowercased()
            guard scheme == "https" || scheme == "http" else {
                throw UnitParseError(input: text, message: "link scheme `\(scheme)` is not http or https", hint: hint)
            }
            guard !text.unicodeScalars.contains(where: { $0.value <= 0x20 || $0.value == 0x7F || $0.value > 0x7E })
            else {
                throw UnitParseError(
                    input: text,
                    message: "the link contains spaces, control or non-ASCII characters",
                    hint: "percent-encode them"
                )
            }
            let authority = text[schemeEnd.upperBound...].prefix { $0 != "/" && $0 != "?" && $0 != "#" }
            guard !authority.contains("@") else {
                throw UnitParseError(input: text, message: "the link carries credentials", hint: "leave them out")
            }
            guard !authority.isEmpty, !authority.hasPrefix(":") else {
                throw UnitParseError(input: text, message: "the link has no host", hint: hint)
            }
            self.text = text
        }

        public var description: String { text }
    }
}
