public import SimwatchCore

/// `type = "email"`: an RFC 5322 message piped to `sendmail -t -oi`.
public struct EmailSettings: ChannelKind {
    public static let type = "email"
    /// Mail: a line's `[line.email]` replaces `to`.
    public var mailRecipients: [MailAddress]? { to }
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
