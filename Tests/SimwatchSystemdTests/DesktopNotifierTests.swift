import Testing

@testable import SimwatchSystemd

@Suite struct DesktopNotifierTests {
    @Test func notifyArgumentsFollowTheSpecification() throws {
        let notice = DesktopNotifier.Notice(
            appName: "simwatch",
            summary: "Low data",
            body: "1 GB left",
            urgency: 2,
            expireTimeout: -1,
            category: "network"
        )
        let arguments = DesktopNotifier.arguments(notice)
        #expect(arguments.map(\.signature).joined() == "susssasa{sv}i")
        #expect(arguments[0] == .string("simwatch"))
        #expect(arguments[6] == .vardict([("urgency", .byte(2)), ("category", .string("network"))]))
        #expect(arguments[7] == .int32(-1))
        for argument in arguments { try argument.validate() }
    }

    @Test func noCategoryNoHint() {
        let notice = DesktopNotifier.Notice(appName: "a", summary: "s", body: "b", urgency: 0, expireTimeout: 0)
        #expect(DesktopNotifier.arguments(notice)[6] == .vardict([("urgency", .byte(0))]))
    }
}
