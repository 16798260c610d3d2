internal import CSystemd
import Glibc
import Testing

@testable import SimwatchSystemd

/// What `DBusMessageWriter` appends, read back by `DBusMessageReader` from the same sealed message: no bus daemon,
/// only an sd-bus connection over one end of a socket pair (messages need a started connection, not a peer).
@Suite struct DBusMessageRoundTripTests {
    @Test func notifyArgumentsReadBackAsWritten() throws {
        let notice = DesktopNotifier.Notice(
            appName: "simwatch",
            summary: "Forfait épuisé ✈",
            body: "a\0b",
            urgency: 2,
            expireTimeout: -1,
            category: "network"
        )
        let values = try roundTrip(DesktopNotifier.arguments(notice))
        #expect(
            values == [
                .string("simwatch"), .uint(0), .string(""), .string("Forfait épuisé ✈"), .string("ab"), .array([]),
                .dict(["urgency": .variant(.uint(2)), "category": .variant(.string("network"))]), .int(-1),
            ]
        )
    }

    @Test func everyTypeReadsBack() throws {
        let values = try roundTrip([
            .bool(true), .byte(255), .int32(Int32.min), .uint32(UInt32.max), .int64(Int64.min), .uint64(UInt64.max),
            .double(0.5), .objectPath("/org/freedesktop/ModemManager1/Modem/0"),
            .structure([.string("s"), .int32(1)]), .array(element: "{ut}", [.dictEntry(.uint32(7), .uint64(8))]),
        ])
        #expect(
            values == [
                .bool(true), .uint(255), .int(Int64(Int32.min)), .uint(UInt64(UInt32.max)), .int(Int64.min),
                .uint(UInt64.max), .double(0.5), .string("/org/freedesktop/ModemManager1/Modem/0"),
                .structure([.string("s"), .int(1)]), .dict(["7": .uint(8)]),
            ]
        )
    }

    @Test func anInvalidObjectPathIsRefusedWhileWriting() throws {
        try withMessage { message in
            #expect(DBusMessageWriter.append(message, .objectPath("not a path")) < 0)
        }
    }

    private func roundTrip(_ arguments: [DBusArgument]) throws -> [DBusValue] {
        var values: [DBusValue] = []
        try withMessage { message in
            for argument in arguments {
                try argument.validate()
                #expect(DBusMessageWriter.append(message, argument) >= 0)
            }
            #expect(sd_bus_message_seal(message, 1, 0) >= 0)
            #expect(sd_bus_message_rewind(message, 1) >= 0)
            values = try DBusMessageReader.all(message)
        }
        return values
    }

    private func withMessage(_ body: (OpaquePointer) throws -> Void) throws {
        var fds: [Int32] = [-1, -1]
        #expect(socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0, &fds) == 0)
        defer { close(fds[1]) }
        var bus: OpaquePointer?
        #expect(sd_bus_new(&bus) >= 0)
        guard let bus else { return }
        // Closed without a flush: flushing waits for an authentication no peer will answer.
        defer {
            sd_bus_close(bus)
            sd_bus_unref(bus)
        }
        #expect(sd_bus_set_fd(bus, fds[0], fds[0]) >= 0)
        #expect(sd_bus_start(bus) >= 0)
        var message: OpaquePointer?
        #expect(sd_bus_message_new_method_call(bus, &message, "a.b", "/a", "a.b", "M") >= 0)
        guard let message else { return }
        defer { sd_bus_message_unref(message) }
        try body(message)
    }
}
