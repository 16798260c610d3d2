import FoundationEssentials
import Glibc
import SimwatchControl
import SimwatchLoop
import Testing

@Suite struct VarlinkServerLimitTests {
    @Test func anOversizedMessageClosesOnlyThatConnection() async throws {
        try await TestServer.with(limits: VarlinkLimits(maxMessageBytes: 1024)) { server in
            let path = server.path
            let (reply, closed, other) = try await blocking {
                let bystander = try VarlinkClient(path: path)
                #expect(try bystander.getInfo().product == "simwatchd")
                let socket = try RawSocket(path: path)
                // No NUL at all: the server must give up once it holds more than the limit.
                try? socket.write([UInt8](repeating: UInt8(ascii: "a"), count: 4096))
                let reply = try socket.readReply()
                let closed = socket.waitForClose(timeout: 30)
                let other = try bystander.callRaw(
                    method: "org.example.test.Echo",
                    parameters: .object(["value": .string("ok")])
                )
                return (reply, closed, other)
            }
            #expect(reply?.controlError == .invalidParameter("message"))
            #expect(closed != nil)
            #expect(other == [.object(["value": .string("ok")])])
            #expect(server.logs.contains { $0.contains("message larger than 1024 bytes") })
        }
    }

    @Test func aCompleteOversizedCallIsRefusedToo() async throws {
        try await TestServer.with(limits: VarlinkLimits(maxMessageBytes: 1024)) { server in
            let path = server.path
            let (small, large) = try await blocking {
                let client = try VarlinkClient(path: path)
                let small = try client.callRaw(
                    method: "org.example.test.Echo",
                    parameters: .object(["value": .string(String(repeating: "s", count: 900))])
                )
                do {
                    _ = try client.callRaw(
                        method: "org.example.test.Echo",
                        parameters: .object(["value": .string(String(repeating: "l", count: 2000))])
                    )
                    return (small.count, nil as ControlError?)
                } catch let error as ControlError {
                    return (small.count, error)
                }
            }
            #expect(small == 1)
            #expect(large == .invalidParameter("message"))
        }
    }

    @Test func malformedJSONGetsAnErrorAndTheConnectionCloses() async throws {
        try await TestServer.with { server in
            let path = server.path
            let outcomes = try await blocking {
                try [
                    "this is not json\u{0}", "[1,2]\u{0}", #"{"parameters":{}}"# + "\u{0}",
                    #"{"method":"a.B","parameters":7}"# + "\u{0}",
                ]
                .map { text in
                    let socket = try RawSocket(path: path)
                    try socket.write(text)
                    return (try socket.readReply()?.controlError, socket.waitForClose(timeout: 30) != nil)
                }
            }
            #expect(
                outcomes.map(\.0) == [
                    .invalidParameter("message"), .invalidParameter("message"), .invalidParameter("method"),
                    .invalidParameter("parameters"),
                ]
            )
            #expect(outcomes.allSatisfy { $0.1 })
            #expect(
                try await server.call("org.example.test.Echo", .object(["value": .string("still here")])).count == 1
            )
        }
    }

    @Test func callsBeforeAMalformedOneAreStillAnswered() async throws {
        try await TestServer.with { server in
            let path = server.path
            let replies = try await blocking {
                let socket = try RawSocket(path: path)
                var bytes = try VarlinkCall(
                    method: "org.example.test.Echo",
                    parameters: .object(["value": .string("1")])
                ).framed()
                bytes += Array("garbage".utf8) + [0]
                try socket.write(bytes)
                return [try socket.readReply(), try socket.readReply(), try socket.readReply()]
            }
            #expect(replies[0]?.parameters == .object(["value": .string("1")]))
            #expect(replies[1]?.controlError == .invalidParameter("message"))
            #expect(replies[2] == nil)
        }
    }

    @Test func aSilentConnectionIsClosedAfterTheDeadlineWhileOthersAreServed() async throws {
        try await TestServer.with(limits: VarlinkLimits(callDeadline: 0.5)) { server in
            let path = server.path
            async let silent = blocking { () -> Double? in
                let socket = try RawSocket(path: path)
                return socket.waitForClose(timeout: 30)
            }
            async let partial = blocking { () -> Double? in
                let socket = try RawSocket(path: path)
                try socket.write(#"{"method":"org.varlink.service.GetI"#)
                return socket.waitForClose(timeout: 30)
            }
            // A busy client calls every 0.2 s for 1.2 s: each reply restarts its deadline, so it stays open.
            async let busy = blocking { () -> Int in
                let client = try VarlinkClient(path: path)
                var answered = 0
                for _ in 0..<6 {
                    answered += try client.callRaw(method: "org.varlink.service.GetInfo").count
                    usleep(200_000)
                }
                return answered
            }
            let silentAfter = try #require(try await silent)
            let partialAfter = try #require(try await partial)
            #expect(silentAfter >= 0.4 && silentAfter < 3)
            #expect(partialAfter >= 0.4 && partialAfter < 3)
            #expect(try await busy == 6)
            #expect(server.logs.contains { $0.contains("no complete call within 0.5s") })
        }
    }

    @Test func aStreamInProgressIsNotSubjectToTheDeadline() async throws {
        try await TestServer.with(limits: VarlinkLimits(callDeadline: 0.3)) { server in
            let path = server.path
            let replies = try await blocking {
                try VarlinkClient(path: path).callRaw(
                    method: "org.example.test.Sleep",
                    parameters: .object(["milliseconds": .int(800), "tag": .string("late")])
                )
            }
            #expect(replies == [.object(["tag": .string("late")])])
        }
    }

    @Test func fiftyConcurrentClientsAreAllAnswered() async throws {
        try await TestServer.with { server in
            let path = server.path
            let answers = try await withThrowingTaskGroup(of: Bool.self) { group in
                for i in 0..<50 {
                    group.addTask {
                        try await blocking {
                            let client = try VarlinkClient(path: path, timeout: 20)
                            let tag = "client \(i)"
                            let slow = try client.callRaw(
                                method: "org.example.test.Sleep",
                                parameters: .object(["milliseconds": .int(50), "tag": .string(tag)])
                            )
                            let echo = try client.callRaw(
                                method: "org.example.test.Echo",
                                parameters: .object(["value": .string(tag)])
                            )
                            return slow == [.object(["tag": .string(tag)])]
                                && echo == [.object(["value": .string(tag)])]
                        }
                    }
                }
                return try await group.reduce(into: [Bool]()) { $0.append($1) }
            }
            #expect(answers.count == 50)
            #expect(answers.allSatisfy { $0 })
        }
    }

    @Test func whenEverySlotIsTakenTheConnectionIdleForLongestMakesRoom() async throws {
        try await TestServer.with(limits: VarlinkLimits(maxConnections: 2)) { server in
            let path = server.path
            let first = try await blocking { try RawSocket(path: path) }
            #expect(await eventually { server.server.connectionCount == 1 })
            // Its idle time starts once its queue has run; then the second is clearly the younger.
            try await Task.sleep(for: .milliseconds(200))
            let second = try await blocking { try RawSocket(path: path) }
            #expect(await eventually { server.server.connectionCount == 2 })
            let info = try await server.call("org.varlink.service.GetInfo")
            #expect(info.count == 1)
            let (firstClosed, secondClosed) = try await blocking {
                (first.waitForClose(timeout: 30), second.waitForClose(timeout: 0.3))
            }
            #expect(firstClosed != nil, "the oldest idle connection was closed")
            #expect(secondClosed == nil, "the younger one stays")
            #expect(server.logs.contains { $0.contains("idle for longest with 2 connections open") })
        }
    }

    @Test func aBacklogAdmittedAtOnceStillMakesRoomForTheNewest() async throws {
        try await TestServer.with(limits: VarlinkLimits(maxConnections: 2)) { server in
            let path = server.path
            // The loop is held while six clients that never speak and then a real one connect: it then accepts the
            // whole backlog in one go, before any of them has been read.
            EventLoop.execute { usleep(500_000) }
            let silent = try await blocking { try (0..<6).map { _ in try RawSocket(path: path) } }
            let info = try await server.call("org.varlink.service.GetInfo")
            #expect(info.count == 1, "the newest connection made room for itself")
            _ = silent
        }
    }

    @Test func whenNoneIsIdleTheLongestStreamMakesRoom() async throws {
        try await TestServer.with(limits: VarlinkLimits(maxConnections: 2)) { server in
            let path = server.path
            let subscribe = { @Sendable () throws -> RawSocket in
                let socket = try RawSocket(path: path)
                try socket.write(try VarlinkCall(method: "org.example.test.Forever", more: true).framed())
                return socket
            }
            let older = try await blocking(subscribe)
            #expect(await eventually { server.probe.contains("forever: started") })
            let younger = try await blocking(subscribe)
            #expect(await eventually { server.probe.all.filter { $0 == "forever: started" }.count == 2 })
            #expect(try await server.call("org.varlink.service.GetInfo").count == 1)
            #expect(await eventually { server.probe.contains("forever: closed") })
            #expect(server.probe.all.filter { $0 == "forever: closed" }.count == 1)
            #expect(server.logs.contains { $0.contains("connection 1") && $0.contains("streaming for longest") })
            _ = (older, younger)
        }
    }

    @Test func whenEverySlotIsBusyANewConnectionIsRefused() async throws {
        try await TestServer.with(limits: VarlinkLimits(maxConnections: 2)) { server in
            let path = server.path
            let busy = try await blocking {
                try (0..<2).map { _ in
                    let socket = try RawSocket(path: path)
                    try socket.write(try VarlinkCall(method: "org.example.test.Wait").framed())
                    return socket
                }
            }
            #expect(await eventually { server.probe.all.filter { $0 == "wait: started" }.count == 2 })
            await #expect(throws: VarlinkTransportError.closed) {
                try await blocking { try VarlinkClient(path: path).callRaw(method: "org.varlink.service.GetInfo") }
            }
            #expect(server.logs.contains { $0.contains("2 connections open, none idle or streaming") })
            _ = busy
        }
    }

    @Test func aPeerWhoseUIDIsNotAllowedIsRefused() async throws {
        try await TestServer.with(allowedUIDs: [getuid() &+ 1]) { server in
            await #expect(throws: ControlError.permissionDenied) {
                try await server.call("org.varlink.service.GetInfo")
            }
            #expect(server.logs.all.count == 1)
            #expect(server.logs.contains { $0.contains("uid \(getuid())") && $0.contains("not allowed") })
            #expect(server.server.connectionCount == 0)
        }
    }

    @Test func aClientThatDoesNotReadIsDroppedWithoutSlowingOthers() async throws {
        try await TestServer.with(limits: VarlinkLimits(writeTimeout: 15)) { server in
            let path = server.path
            let hog = try await blocking { () -> RawSocket in
                let socket = try RawSocket(path: path)
                try socket.write(
                    try VarlinkCall(
                        method: "org.example.test.Flood",
                        parameters: .object(["size": .int(60_000)]),
                        more: true
                    ).framed()
                )
                return socket
            }
            #expect(await eventually { server.probe.contains("forever: started") })
            try await Task.sleep(for: .milliseconds(200))
            // While the flood is stuck on a full socket buffer, others are answered long before the hog is dropped.
            let start = ContinuousClock.now
            #expect(try await server.call("org.example.test.Echo", .object(["value": .string("hi")])).count == 1)
            #expect(start.duration(to: .now) < .seconds(10))
            #expect(!server.probe.contains("forever: closed"))
            #expect(await eventually(timeout: 60) { server.probe.contains("forever: closed") })
            #expect(server.logs.contains { $0.contains("did not read its replies within 15.0s") })
            _ = hog
        }
    }
}
