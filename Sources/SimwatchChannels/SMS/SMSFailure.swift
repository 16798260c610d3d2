public import SimwatchCore
public import SimwatchSystemd

/// What a failed SMS means for its retries, from ModemManager's D-Bus error names:
///
/// - `temporary` (retried until `give_up_after`): no system bus, ModemManager not on it
///   (`org.freedesktop.DBus.Error.ServiceUnknown`, `NameHasNoOwner`, `NoReply`, `Disconnected`), no modem or none
///   matching `iccid`/`operator` (unplugged, not yet probed), the modem or its Messaging interface gone or not yet
///   there (`UnknownObject`, `UnknownInterface`, `UnknownMethod`: Messaging appears once the modem is ready to
///   register), the modem busy or not ready (`Core.WrongState`, `Core.Retry`, `Core.InProgress`, `Core.Failed` ...),
///   and the network's own trouble (`Message.NetworkTimeout`, `NoNetwork`, `SimBusy`, `MemoryFull`, `Unknown`,
///   `MobileEquipment.*`, `Connection.*`, `Serial.*`).
/// - `timeout`: no answer in time (retried like `temporary`). The message may have left: a retry can send it twice.
/// - `rejected` (tried 3 times, then given up): the number or the text refused (`Core.InvalidArgs`,
///   `Message.InvalidPduParameter`, `InvalidTextParameter`, `NotAllowed`, `NotSupported`, `SmsServiceReserved`;
///   a barred or unknown number, or a prepaid SIM without credit for texts, usually answers so).
/// - `misconfigured` (retried like `temporary`, so that fixing it and reloading lets queued reminders through):
///   several modems and no `iccid` or `operator`, a SIM waiting for its PIN or PUK, no SMS centre on the SIM
///   (`Message.SmscAddressUnknown`), a modem that cannot text (`Core.Unsupported`), or the daemon not allowed to
///   (`Core.Unauthorized`, `org.freedesktop.DBus.Error.AccessDenied`: D-Bus or polkit policy).
public enum SMSFailure {
    static let modemManagerErrors = "org.freedesktop.ModemManager1.Error."

    /// The retry class of a D-Bus failure.
    public static func code(_ error: DBusError) -> DeliveryError.Code {
        if error.timedOut { return .timeout }
        guard let name = error.name else { return .temporary }
        switch name {
        case "org.freedesktop.DBus.Error.AccessDenied", "org.freedesktop.DBus.Error.AuthFailed":
            return .misconfigured
        case "org.freedesktop.DBus.Error.InvalidArgs":
            return .rejected
        default:
            break
        }
        guard name.hasPrefix(modemManagerErrors) else { return .temporary }
        let parts = name.dropFirst(modemManagerErrors.count).split(separator: ".")
        guard parts.count == 2 else { return .temporary }
        let (domain, nick) = (parts[0], parts[1])
        switch (domain, nick) {
        case ("Core", "InvalidArgs"): return .rejected
        case ("Core", "Unsupported"), ("Core", "Unauthorized"): return .misconfigured
        case ("Message", "InvalidPduParameter"), ("Message", "InvalidTextParameter"), ("Message", "NotAllowed"),
            ("Message", "NotSupported"), ("Message", "SmsServiceReserved"):
            return .rejected
        case ("Message", "SmscAddressUnknown"): return .misconfigured
        case ("Message", let nick), ("MobileEquipment", let nick):
            // SimPin, SimPin2, SimPuk, SimPuk2, PhSimPin ...: someone has to unlock the SIM.
            return nick.contains("SimPin") || nick.contains("SimPuk") ? .misconfigured : .temporary
        default:
            return .temporary
        }
    }

    /// A failed D-Bus exchange as a delivery error.
    public static func delivery(_ error: DBusError, _ what: String) -> DeliveryError {
        DeliveryError(code(error), "\(what): \(error)")
    }

    /// A modem that could not be chosen: ambiguity is the configuration's to resolve; no modem, none matching, or
    /// ModemManager not answering may pass.
    public static func lookup(_ error: ModemLookupError) -> DeliveryError {
        switch error {
        case .bus(let failure): delivery(failure, "ModemManager")
        case .ambiguous: DeliveryError(.misconfigured, "ModemManager: \(error)")
        case .noModem, .noMatch: DeliveryError(.temporary, "ModemManager: \(error)")
        }
    }
}
