/// One configured `[channels.NAME]`: where reminders go besides the journal, and how hard to try.
public struct ChannelSettings: Sendable, Hashable, Identifiable {
    /// The name lines list in `channels = [...]` (`[a-z0-9._-]`, never `journal`).
    public var name: String
    public var kind: AnyChannelKind
    /// A reminder still undelivered after this long online since it was due is given up (dead letter); time
    /// without network does not count.
    public var giveUpAfter: TimeSpan
    /// Longest one delivery attempt may take (a hung sendmail is killed, an HTTP exchange abandoned); then it counts
    /// as a timeout and is retried.
    public var attemptTimeout: TimeSpan
    /// Subject and body templates per kind: this channel's, else `[templates]`, else built in.
    public var templates: TemplateOverrides
    /// The language of the channel's reader (`language = "fr"`); nil: the line's, else the daemon's.
    public var language: Language?
    /// Where it was configured, "config.toml:12", for messages about it.
    public var location: String

    public var id: String { name }

    public init(
        name: String,
        kind: any ChannelKind,
        giveUpAfter: TimeSpan = .days(1),
        attemptTimeout: TimeSpan = TimeSpan(seconds: 30),
        templates: TemplateOverrides = TemplateOverrides(),
        language: Language? = nil,
        location: String = ""
    ) {
        self.name = name
        self.kind = AnyChannelKind(kind)
        self.giveUpAfter = giveUpAfter
        self.attemptTimeout = attemptTimeout
        self.templates = templates
        self.language = language
        self.location = location
    }
}

/// A channel's own settings, decoded from `[channels.NAME]`. Each type of channel (SimwatchChannels, one folder
/// each) has its own; the core and the services know only what this protocol says of them.
public protocol ChannelKind: Sendable, Hashable {
    /// The configuration's `type`.
    static var type: String { get }
    /// The mail recipients of a channel that sends mail (empty when every line brings its own `[line.email]`);
    /// nil for the others. A line's `[line.email]` replaces them.
    var mailRecipients: [MailAddress]? { get }
    /// Whether the channel is told when an alert ends (a reminder with event "resolved"), as Alertmanager is; the
    /// others hear only of alerts that fire.
    var wantsResolved: Bool { get }
    /// Whether it delivers over the internet (mail, HTTP), so that a long time offline is normal for it: its
    /// `give_up_after` defaults to `networkGiveUpAfter`. Defaults to true.
    static var usesNetwork: Bool { get }
}

extension ChannelKind {
    public var mailRecipients: [MailAddress]? { nil }
    public var wantsResolved: Bool { false }
    public static var usesNetwork: Bool { true }
}

extension ChannelSettings {
    /// `give_up_after` of a channel that delivers over the network: two days of time online (time offline does not
    /// count), which also covers a long flight on a network that answers badly (a captive portal, timeouts).
    public static let networkGiveUpAfter: TimeSpan = .days(2)
    /// `give_up_after` of the others (desktop, SMS).
    public static let localGiveUpAfter: TimeSpan = .days(1)
}

/// A channel's settings of any type, equal when of the same type with equal values.
public typealias AnyChannelKind = AnySettings<any ChannelKind>

extension AnySettings where Base == any ChannelKind {
    public init(_ base: any ChannelKind) {
        self.init(base: base, key: { AnyHashable(base) })
    }

    /// The configuration's `type`.
    public var type: String { Swift.type(of: base).type }
    /// Whether the channel delivers over the internet.
    public var usesNetwork: Bool { Swift.type(of: base).usesNetwork }
    public var mailRecipients: [MailAddress]? { base.mailRecipients }
    /// Whether the channel sends mail (and so takes a line's `[line.email]` recipients).
    public var sendsMail: Bool { mailRecipients != nil }
    public var wantsResolved: Bool { base.wantsResolved }
}

/// A mailbox: `alice@example.com` or `Alice Martin <alice@example.com>`.
public struct MailAddress: Sendable, Hashable, CustomStringConvertible {
    /// Display name, any Unicode (RFC 2047 encoded in headers), without control characters.
    public var name: String?
    /// `local@domain`, printable ASCII without spaces, `<`, `>`, `,` or `;`.
    public var address: String

    public init(name: String? = nil, address: String) {
        self.name = name
        self.address = address
    }

    /// Parses either form; nil when it is not a usable address.
    public init?(parsing text: String) {
        let trimmed = text.trimming(" \t")
        guard !trimmed.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else { return nil }
        var name: String?
        var address = trimmed
        if trimmed.hasSuffix(">"), let open = trimmed.lastIndex(of: "<") {
            let display = String(trimmed[..<open]).trimming(" \t\"")
            name = display.isEmpty ? nil : display
            address = String(trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)])
        }
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        let forbidden = Set(" <>,;\"()[]\\:")
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasSuffix("."),
            address.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F }),
            !address.contains(where: { forbidden.contains($0) })
        else { return nil }
        if let name, name.contains(where: { $0 == "<" || $0 == ">" }) { return nil }
        self.name = name
        self.address = address
    }

    public var description: String { name.map { "\($0) <\(address)>" } ?? address }
}

/// Where a secret comes from. Its value is read by the daemon, never stored in the configuration.
public enum SecretSource: Sendable, Hashable, CustomStringConvertible {
    /// A file only its owner may read (mode 0600 or 0400).
    case file(String)
    /// `$CREDENTIALS_DIRECTORY/NAME`, from systemd's `LoadCredential=NAME:...`.
    case credential(String)

    public var description: String {
        switch self {
        case .file(let path): "secret_file \(path)"
        case .credential(let name): "credential \(name)"
        }
    }
}

/// A line's own recipients (`[line.email]`), replacing the `to` of its email channels.
public struct LineEmail: Sendable, Hashable {
    public var to: [MailAddress]
    /// The email channels it applies to; empty means every email channel of the line.
    public var channels: [String]

    public init(to: [MailAddress], channels: [String] = []) {
        self.to = to
        self.channels = channels
    }

    /// The recipients for reminders through `channel`, or nil to use the channel's own.
    public func recipients(for channel: String) -> [MailAddress]? {
        channels.isEmpty || channels.contains(channel) ? to : nil
    }
}
