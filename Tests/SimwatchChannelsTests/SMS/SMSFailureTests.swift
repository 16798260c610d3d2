import SimwatchCore
import SimwatchSystemd
import Testing

@testable import SimwatchChannels

/// ModemManager's error names as retry classes: what may pass is retried, a refused number or text is given up
/// after a few tries, a SIM or modem that needs someone's hand waits for a reload.
@Suite struct SMSFailureTests {
    @Test(
        arguments: [
            (nil, DeliveryError.Code.temporary),  // no bus at all
            ("org.freedesktop.DBus.Error.ServiceUnknown", .temporary),
            ("org.freedesktop.DBus.Error.NameHasNoOwner", .temporary),
            ("org.freedesktop.DBus.Error.UnknownObject", .temporary),
            ("org.freedesktop.DBus.Error.UnknownMethod", .temporary),
            ("org.freedesktop.DBus.Error.AccessDenied", .misconfigured),
            ("org.freedesktop.DBus.Error.InvalidArgs", .rejected),
            ("org.freedesktop.ModemManager1.Error.Core.WrongState", .temporary),
            ("org.freedesktop.ModemManager1.Error.Core.Retry", .temporary),
            ("org.freedesktop.ModemManager1.Error.Core.Failed", .temporary),
            ("org.freedesktop.ModemManager1.Error.Core.InvalidArgs", .rejected),
            ("org.freedesktop.ModemManager1.Error.Core.Unsupported", .misconfigured),
            ("org.freedesktop.ModemManager1.Error.Core.Unauthorized", .misconfigured),
            ("org.freedesktop.ModemManager1.Error.Message.InvalidPduParameter", .rejected),
            ("org.freedesktop.ModemManager1.Error.Message.InvalidTextParameter", .rejected),
            ("org.freedesktop.ModemManager1.Error.Message.NotAllowed", .rejected),
            ("org.freedesktop.ModemManager1.Error.Message.SmscAddressUnknown", .misconfigured),
            ("org.freedesktop.ModemManager1.Error.Message.SimPin", .misconfigured),
            ("org.freedesktop.ModemManager1.Error.Message.NetworkTimeout", .temporary),
            ("org.freedesktop.ModemManager1.Error.Message.NoNetwork", .temporary),
            ("org.freedesktop.ModemManager1.Error.Message.Unknown", .temporary),
            ("org.freedesktop.ModemManager1.Error.MobileEquipment.SimPuk", .misconfigured),
            ("org.freedesktop.ModemManager1.Error.MobileEquipment.SimNotInserted", .temporary),
            ("org.freedesktop.ModemManager1.Error.MobileEquipment.NoNetwork", .temporary),
            ("org.freedesktop.ModemManager1.Error.Connection.NoCarrier", .temporary),
            ("org.freedesktop.ModemManager1.Error.Something", .temporary),
            ("com.example.Whatever", .temporary),
        ] as [(String?, DeliveryError.Code)]
    )
    func codes(_ name: String?, _ expected: DeliveryError.Code) {
        #expect(SMSFailure.code(DBusError(name: name, message: "x")) == expected, "\(name ?? "nil")")
    }

    @Test func timeoutsAreTimeouts() {
        let error = DBusError(name: "org.freedesktop.DBus.Error.Timeout", message: "Send: timed out", timedOut: true)
        #expect(SMSFailure.code(error) == .timeout)
        #expect(SMSFailure.code(DBusError(message: "cannot connect", timedOut: true)) == .timeout)
    }

    @Test func modemLookup() {
        #expect(SMSFailure.lookup(.noModem).code == .temporary)
        #expect(SMSFailure.lookup(.noModem).detail == "ModemManager: ModemManager knows no modem")
        #expect(SMSFailure.lookup(.noMatch(seen: ["/m/0 (ICCID ?, )"])).code == .temporary)
        let ambiguous = SMSFailure.lookup(.ambiguous(count: 2))
        #expect(ambiguous.code == .misconfigured && ambiguous.detail.contains("set `iccid` or `operator`"))
        let absent = DBusError(name: "org.freedesktop.DBus.Error.ServiceUnknown", message: "GetManagedObjects: gone")
        #expect(SMSFailure.lookup(.bus(absent)).code == .temporary)
        #expect(SMSFailure.lookup(.bus(absent)).detail.hasPrefix("ModemManager: org.freedesktop.DBus.Error.Service"))
    }
}
