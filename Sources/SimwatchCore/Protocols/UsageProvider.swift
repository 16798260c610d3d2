public import FoundationEssentials

/// What a provider is asked: read this line, whose current plan period is this, at this moment.
public struct ReadRequest: Sendable {
    public var line: Line
    public var period: PlanPeriod?
    public var now: Date
    /// How many polls of this line came before (the demo uses it to fail on schedule).
    public var attempt: Int

    public init(line: Line, period: PlanPeriod?, now: Date, attempt: Int) {
        self.line = line
        self.period = period
        self.now = now
        self.attempt = attempt
    }
}

/// A source of readings: a simulated plan, interface counters, a carrier API, a modem, a script.
public protocol UsageProvider: Sendable {
    /// Reads the line once. Throw `ProviderError` for a failed read; the line is marked stale-pending and retried.
    func read(_ request: ReadRequest) async throws -> Reading
}

/// A failed read, with a stable code for the journal and the control API.
public struct ProviderError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Code: String, Sendable, Hashable {
        case unavailable
        case timeout
        case malformed
        case unauthorized
        case rateLimited = "rate_limited"
    }

    public var code: Code
    public var message: String
    /// Wait at least this long before retrying (HTTP Retry-After).
    public var retryAfter: TimeSpan?

    public init(_ code: Code, _ message: String, retryAfter: TimeSpan? = nil) {
        self.code = code
        self.message = message
        self.retryAfter = retryAfter
    }

    public var description: String { "\(code.rawValue): \(message)" }
}
