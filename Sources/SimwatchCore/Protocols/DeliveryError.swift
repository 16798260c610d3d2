/// Why a channel could not deliver a reminder, with a stable code that decides what the outbox does next.
public struct DeliveryError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Code: String, Sendable, Hashable {
        /// Worth retrying until the channel's `give_up_after`: no answer in time, a TLS failure, HTTP 429 or 5xx,
        /// a sendmail status that may be a passing fault (69, 70, 71, 76 ...: see `SendmailStatus`), no desktop
        /// notification server.
        case temporary
        /// No network: a host name that does not resolve, no route, a connection refused (a captive portal), sendmail's
        /// network statuses (68, 74, 75). Not a failure of the channel: the time does not count towards its
        /// `give_up_after`, and the reminder waits until the network is back (retried soon after, see
        /// `DeliveryPolicy`).
        case offline
        /// The attempt ran past the channel's timeout (a hung sendmail was killed). Retried like `temporary`.
        case timeout
        /// The receiver refused this reminder (HTTP 4xx, sendmail 65 or 67 or a status outside sysexits.h). Retried
        /// a few times, in case it was a passing fault, then given up.
        case rejected
        /// The endpoint is gone for good (HTTP 410): the channel stops until the next reload.
        case gone
        /// The channel cannot work as configured (an unreadable secret, a missing program, sendmail 64, 66, 72, 77
        /// or 78): retried like `temporary`, so that fixing it and reloading lets queued reminders through.
        case misconfigured
    }

    public var code: Code
    /// What happened, for logs and the outbox's `last_error`; never a secret.
    public var detail: String
    /// Seconds the receiver asked to wait (HTTP `Retry-After`).
    public var retryAfter: Double?

    public init(_ code: Code, _ detail: String, retryAfter: Double? = nil) {
        self.code = code
        self.detail = detail
        self.retryAfter = retryAfter
    }

    public var description: String { "\(code.rawValue): \(detail)" }
}
