public import SimwatchCore

/// `type = "sms"`: a text message sent by a modem through ModemManager (`Messaging.Create`, then `Sms.Send`) on the
/// system bus, to one or more numbers. It needs no data: it reaches the phone when the plan has run out.
public struct SMSSettings: ChannelKind {
    public static let type = "sms"
    /// Sent through a modem over the mobile network, not the internet.
    public static let usesNetwork = false
    /// Each reminder goes to every number, in this order.
    public var to: [PhoneNumber]
    /// Which modem sends: the one whose SIM has this ICCID, or whose operator matches; the only modem if neither
    /// (as the `modemmanager` source chooses).
    public var iccid: String?
    public var operatorName: String?
    /// At most this many messages per reminder (1 ... 10): longer text is shortened to fit.
    public var maxParts: Int

    public static let defaultMaxParts = 3

    public init(
        to: [PhoneNumber],
        iccid: String? = nil,
        operatorName: String? = nil,
        maxParts: Int = SMSSettings.defaultMaxParts
    ) {
        self.to = to
        self.iccid = iccid
        self.operatorName = operatorName
        self.maxParts = maxParts
    }
}
