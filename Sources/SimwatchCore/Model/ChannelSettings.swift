/// One configured `[channels.NAME]`: where reminders go besides the journal, and how hard to try.
public struct ChannelSettings: Sendable, Hashable, Identifiable {
    /// The name lines list in `channels = [...]` (`[a-z0-9._-]`, never `journal`).
    public var name: String
    public var kind: ChannelKind
    /// A reminder still undelivered this long after it was raised is given up (dead letter).
    public var giveUpAfter: TimeSpan
    /// Longest one delivery attempt may take (a hung sendmail is killed, an HTTP exchange abandoned); then it counts
    /// as a timeout and is retried.
    public var attemptTimeout: TimeSpan
    /// Subject and body templates per kind: this channel's, else `[templates]`, else built in.
    public var templates: TemplateOverrides
    /// Where it was configured, "config.toml:12", for messages about it.
    public var location: String

    public var id: String { name }

    public init(
        name: String,
        kind: ChannelKind,
        giveUpAfter: TimeSpan = .days(1),
        attemptTimeout: TimeSpan = TimeSpan(seconds: 30),
        templates: TemplateOverrides = TemplateOverrides(),
        location: String = ""
    ) {
        self.name = name
        self.kind = kind
        self.giveUpAfter = giveUpAfter
        self.attemptTimeout = attemptTimeout
        self.templates = templates
        self.location = location
    }
}

/// The type of a channel with its own settings.
public enum ChannelKind: Sendable, Hashable {
    case email(EmailSettings)
    case webhook(WebhookSettings)
    case ntfy(NtfySettings)
    case desktop(DesktopSettings)

    /// The configuration's `type`.
    public var type: String {
        switch self {
        case .email: "email"
        case .webhook: "webhook"
        case .ntfy: "ntfy"
        case .desktop: "desktop"
        }
    }
}

/// `type = "email"`: an RFC 5322 message piped to `sendmail -t -oi`.
public struct EmailSettings: Sendable, Hashable {
    /// Default recipients; a line's `[line.email] to` replaces them for that line's reminders.
    public var to: [MailAddress]
    public var from: MailAddress
    /// The sendmail-compatible program (msmtp-mta, Postfix, ...), run as `sendmail -t -oi`.
    public var sendmail: String

    public init(to: [MailAddress], from: MailAddress, sendmail: String = "/usr/sbin/sendmail") {
        self.to = to
        self.from = from
        self.sendmail = sendmail
    }
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

/// `type = "webhook"`: a signed JSON POST (Standard Webhooks).
public struct WebhookSettings: Sendable, Hashable {
    public var url: EndpointURL
    /// The `whsec_...` signing secret; without one, requests carry no `webhook-signature`.
    public var secret: SecretSource?
    public var connectTimeout: TimeSpan

    public init(url: EndpointURL, secret: SecretSource?, connectTimeout: TimeSpan = TimeSpan(seconds: 10)) {
        self.url = url
        self.secret = secret
        self.connectTimeout = connectTimeout
    }
}

/// `type = "ntfy"`: a plain-text POST to an ntfy topic with Title, Priority and Tags headers.
public struct NtfySettings: Sendable, Hashable {
    /// Server and topic: `https://ntfy.sh/my-topic`.
    public var url: EndpointURL
    /// An access token (`tk_...`), sent as `Authorization: Bearer`.
    public var token: SecretSource?
    /// ntfy priority (1 min ... 5 max) per severity.
    public var priorities: [Severity: Int]
    /// Extra tags (emoji short codes or words) added to every message.
    public var tags: [String]
    public var connectTimeout: TimeSpan

    public static let defaultPriorities: [Severity: Int] = [.info: 3, .warning: 4, .critical: 5]

    public init(
        url: EndpointURL,
        token: SecretSource?,
        priorities: [Severity: Int] = NtfySettings.defaultPriorities,
        tags: [String] = [],
        connectTimeout: TimeSpan = TimeSpan(seconds: 10)
    ) {
        self.url = url
        self.token = token
        self.priorities = priorities
        self.tags = tags
        self.connectTimeout = connectTimeout
    }
}

/// `type = "desktop"`: `org.freedesktop.Notifications.Notify` on the session bus.
public struct DesktopSettings: Sendable, Hashable {
    /// Urgency per severity: 0 low, 1 normal, 2 critical.
    public var urgency: [Severity: UInt8]
    /// Milliseconds the notice stays up; -1 lets the server decide, 0 keeps it until dismissed.
    public var expireTimeout: Int32
    public var appName: String

    public static let defaultUrgency: [Severity: UInt8] = [.info: 0, .warning: 1, .critical: 2]

    public init(urgency: [Severity: UInt8] = DesktopSettings.defaultUrgency, expireTimeout: Int32 = -1) {
        self.urgency = urgency
        self.expireTimeout = expireTimeout
        self.appName = "simwatch"
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
