import SimwatchCore

/// What a sendmail exit status means for the outbox. sendmail-compatible programs exit with the sysexits.h codes;
/// msmtp documents only that, and its sources map network failures onto several of them (host not found 68,
/// connection failed 75, network or TLS I/O 74, proxy and TLS certificate failures and 5xx replies 69, socket
/// creation 71, TLS handshake 76). A SIM runs out exactly when the network goes, so the statuses msmtp gives when
/// there is no network (68 host not found, 74 network I/O, 75 connection refused) are `offline` (they wait for the
/// network without using up `give_up_after`); others that may pass are `temporary` (retried until
/// `give_up_after`); statuses that mean this message or address is bad are
/// `rejected` (a few tries, then a dead letter); statuses that mean the local mailer is set up wrong are
/// `misconfigured` (kept, retried until `give_up_after`, so fixing it lets them through). docs/configuration.md has
/// the same table.
struct SendmailStatus: Sendable, Hashable {
    let status: Int32
    /// The sysexits.h name, or nil outside 64–78.
    let name: String?
    let code: DeliveryError.Code
    /// Why, in a few words, for the error text.
    let meaning: String

    init(_ status: Int32) {
        self.status = status
        switch status {
        case 64: (name, code, meaning) = ("EX_USAGE", .misconfigured, "command line usage error; is it a sendmail?")
        case 65: (name, code, meaning) = ("EX_DATAERR", .rejected, "the message or an address was refused")
        case 66: (name, code, meaning) = ("EX_NOINPUT", .misconfigured, "a file the mailer needs cannot be read")
        case 67: (name, code, meaning) = ("EX_NOUSER", .rejected, "addressee unknown")
        case 68: (name, code, meaning) = ("EX_NOHOST", .offline, "mail server's host name not found (offline?)")
        case 69: (name, code, meaning) = ("EX_UNAVAILABLE", .temporary, "service unavailable (offline or a proxy?)")
        case 70: (name, code, meaning) = ("EX_SOFTWARE", .temporary, "internal software error")
        case 71: (name, code, meaning) = ("EX_OSERR", .temporary, "system error (out of resources?)")
        case 72: (name, code, meaning) = ("EX_OSFILE", .misconfigured, "a system file is missing")
        case 73: (name, code, meaning) = ("EX_CANTCREAT", .temporary, "cannot create a file (disk full?)")
        case 74: (name, code, meaning) = ("EX_IOERR", .offline, "network or I/O error (offline?)")
        case 75: (name, code, meaning) = ("EX_TEMPFAIL", .offline, "temporary failure (offline?)")
        case 76: (name, code, meaning) = ("EX_PROTOCOL", .temporary, "protocol error (a captive portal?)")
        case 77: (name, code, meaning) = ("EX_NOPERM", .misconfigured, "permission denied (login refused?)")
        case 78: (name, code, meaning) = ("EX_CONFIG", .misconfigured, "the mailer's configuration is wrong")
        default: (name, code, meaning) = (nil, .rejected, "failed")
        }
    }

    /// "exited with status 68 (EX_NOHOST: mail server's host name not found (offline?))"
    var description: String {
        guard let name else { return "exited with status \(status)" }
        return "exited with status \(status) (\(name): \(meaning))"
    }
}
