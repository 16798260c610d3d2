public import SimwatchCore

/// A modem driven by ModemManager over the system D-Bus: a USSD code, or the newest SMS from the carrier.
public struct ModemManagerProviderSettings: ProviderSettings {
    public static let type = "modemmanager"
    /// How the balance is asked for.
    public enum Query: Sendable, Hashable {
        /// `Modem3gpp.Ussd.Initiate(code)`, e.g. "#123#".
        case ussd(code: String)
        /// The newest received SMS whose sender is `from`, no older than `maxAge`.
        case sms(from: String, maxAge: TimeSpan)
    }

    /// Which modem: the one whose SIM has this ICCID, or whose operator matches; the only modem if neither.
    public var iccid: String?
    /// Operator name (case-insensitive, e.g. "Orange F") or MCC+MNC code (e.g. "20801").
    public var operatorName: String?
    public var query: Query
    public var parser: ReplyParser
    /// Longest wait for the network's USSD answer.
    public var timeout: TimeSpan
    /// The preset the settings came from, for messages.
    public var preset: String?

    public init(
        iccid: String? = nil,
        operatorName: String? = nil,
        query: Query,
        parser: ReplyParser,
        timeout: TimeSpan = TimeSpan(seconds: 30),
        preset: String? = nil
    ) {
        self.iccid = iccid
        self.operatorName = operatorName
        self.query = query
        self.parser = parser
        self.timeout = timeout
        self.preset = preset
    }
}
