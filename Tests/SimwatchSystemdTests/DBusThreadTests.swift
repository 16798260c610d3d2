import Glibc
import SimwatchSystemd
import Testing

@Suite struct DBusThreadTests {
    @Test func workRunsOnAThreadOfItsOwn() async {
        let caller = UInt(pthread_self())
        let result = await DBusThread.run(
            { Result<UInt, DBusError>.success(UInt(pthread_self())) },
            noThread: DBusError(message: "no thread")
        )
        let worker = try? result.get()
        #expect(worker != nil)
        #expect(worker != caller)
    }

    @Test func failuresComeBackAsTheyWere() async {
        let result = await DBusThread.run(
            { Result<Int, DBusError>.failure(DBusError(name: "x.Y", message: "m")) },
            noThread: DBusError(message: "no thread")
        )
        #expect(throws: DBusError(name: "x.Y", message: "m")) { try result.get() }
    }
}
