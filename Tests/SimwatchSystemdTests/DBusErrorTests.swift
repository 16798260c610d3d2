import Glibc
import Testing

@testable import SimwatchSystemd

@Suite struct DBusErrorTests {
    @Test func anErrorReplyKeepsItsNameAndText() {
        let error = DBusError.call(
            "Notify",
            name: "org.freedesktop.DBus.Error.ServiceUnknown",
            text: "The name is not activatable",
            code: EHOSTUNREACH
        )
        #expect(error.name == "org.freedesktop.DBus.Error.ServiceUnknown")
        #expect(error.description == "org.freedesktop.DBus.Error.ServiceUnknown: Notify: The name is not activatable")
        #expect(!error.timedOut)
    }

    @Test func noTextFallsBackToTheErrno() {
        let empty = DBusError.call("List", name: nil, text: "", code: ECONNRESET)
        #expect(empty.description == "List: \(String(cString: strerror(ECONNRESET)))")
        let none = DBusError.call("List", name: nil, text: nil, code: ENOENT)
        #expect(none.name == nil)
        #expect(none.message == "List: \(String(cString: strerror(ENOENT)))")
    }

    @Test func timeoutsAreMarkedByErrnoOrByName() {
        #expect(DBusError.call("Initiate", name: nil, text: nil, code: ETIMEDOUT).timedOut)
        #expect(DBusError.call("Initiate", name: DBusError.timeoutName, text: "late", code: EIO).timedOut)
        #expect(!DBusError.call("Initiate", name: "org.freedesktop.DBus.Error.NoReply", text: "x", code: EIO).timedOut)
        #expect(DBusError.errno(ETIMEDOUT, "waiting").timedOut)
    }

    @Test func localFailuresSayWhatFailed() {
        let error = DBusError.errno(ENOENT, "cannot connect to the session bus")
        #expect(error.name == nil)
        #expect(error.description == "cannot connect to the session bus: \(String(cString: strerror(ENOENT)))")
        #expect(DBusError.errno(0, "odd").message == "odd: error 0")
    }
}
