import Glibc
import SimwatchControl
import Testing

/// Clients that misbehave on purpose: each must get a clear refusal (or be dropped) without the server's memory
/// growing, and without other clients noticing.
@Suite struct VarlinkHostileClientTests {
    static let echo = #"{"method":"org.example.test.Echo","parameters":{"value":"#

    /// `{"method":"...Echo","parameters":{"value":[[[...]]]}}`: `depth` levels in all, the call object included.
    static func nested(depth: Int) -> String {
        let arrays = depth - 2
        return echo + String(repeating: "[", count: arrays) + String(repeating: "]", count: arrays) + "}}\u{0}"
    }

    /// Sends `bytes`, returns the reply and whether the server then closed the connection.
    static func exchange(_ path: String, _ bytes: [UInt8]) async throws -> (VarlinkReply?, closed: Bool) {
        try await blocking {
            let socket = try RawSocket(path: path)
            try socket.write(bytes)
            return (try socket.readReply(), socket.waitForClose(timeout: 30) != nil)
        }
    }

    @Test func nestingDeeperThanTheLimitIsRefusedBeforeDecoding() async throws {
        try await TestServer.with { server in
            let atLimit = try await server.call(
                "org.example.test.Echo",
                .object(["value": (0..<61).reduce(JSONValue.array([])) { inner, _ in .array([inner]) }])
            )
            #expect(atLimit.count == 1, "64 levels (62 arrays in the parameters) are fine")
            // 30,000 levels fit in 64 KiB: enough to exhaust a recursive decoder's stack.
            for depth in [65, 30_000] {
                let (reply, closed) = try await Self.exchange(server.path, Array(Self.nested(depth: depth).utf8))
                #expect(reply?.controlError == .invalidParameter("message"))
                #expect(closed)
            }
            #expect(server.logs.contains { $0.contains("nested deeper than 64") })
            #expect(try await server.call("org.example.test.Echo", .object(["value": .string("ok")])).count == 1)
        }
    }

    @Test func bracketsInsideStringsDoNotCount() async throws {
        try await TestServer.with { server in
            let value = String(repeating: "[{", count: 500) + #"\"]"#
            let replies = try await server.call("org.example.test.Echo", .object(["value": .string(value)]))
            #expect(replies == [.object(["value": .string(value)])])
        }
    }

    @Test func invalidUTF8IsRefusedWithAVarlinkError() async throws {
        try await TestServer.with { server in
            for bad: [UInt8] in [[0xFF, 0xFE], [0xC3], [0xED, 0xA0, 0x80], [0xC0, 0xAF]] {
                let bytes = Array(Self.echo.utf8) + [UInt8(ascii: "\"")] + bad + Array("\"}}".utf8) + [0]
                let (reply, closed) = try await Self.exchange(server.path, bytes)
                #expect(reply?.controlError == .invalidParameter("message"))
                #expect(closed)
            }
            #expect(server.logs.all.filter { $0.contains("not valid UTF-8") }.count == 4)
        }
    }

    @Test func aNULInsideACallEndsItEarlyAndIsRefused() async throws {
        try await TestServer.with { server in
            let (reply, closed) = try await Self.exchange(
                server.path,
                Array((Self.echo + "\"a\u{0}b\"}}\u{0}").utf8)
            )
            #expect(reply?.controlError == .invalidParameter("message"))
            #expect(closed)
            // Escaped, a NUL is just a character.
            let replies = try await server.call("org.example.test.Echo", .object(["value": .string("a\u{0}b")]))
            #expect(replies == [.object(["value": .string("a\u{0}b")])])
        }
    }

    @Test func garbageOfEveryKindGetsAnErrorAndLeavesTheServerServing() async throws {
        try await TestServer.with { server in
            let garbage: [[UInt8]] = [
                [0], Array("{}".utf8) + [0], Array("null".utf8) + [0], Array(#"{"method":7}"#.utf8) + [0],
                Array(#"{"method":"a.B"} trailing"#.utf8) + [0],
                (0..<4096).map { UInt8(truncatingIfNeeded: $0 | 1) } + [0],
            ]
            for bytes in garbage {
                let (reply, closed) = try await Self.exchange(server.path, bytes)
                #expect(reply?.controlError?.name == "org.varlink.service.InvalidParameter")
                #expect(closed)
            }
            #expect(try await server.call("org.varlink.service.GetInfo").count == 1)
        }
    }

    @Test func tenThousandPipelinedCallsAreAnsweredInOrder() async throws {
        try await TestServer.with { server in
            let path = server.path
            let socket = try await blocking { try RawSocket(path: path) }
            let count = 10_000
            async let written: Void = blocking {
                var bytes: [UInt8] = []
                for i in 0..<count {
                    bytes += try VarlinkCall(
                        method: "org.example.test.Echo",
                        parameters: .object(["value": .int(Int64(i))])
                    ).framed()
                }
                try socket.write(bytes)
            }
            let inOrder = try await blocking {
                var next: Int64 = 0
                while next < Int64(count), let reply = try socket.readReply(timeout: 20) {
                    guard reply.parameters == .object(["value": .int(next)]) else { return false }
                    next += 1
                }
                return next == Int64(count)
            }
            try await written
            #expect(inOrder)
        }
    }

    @Test func readAheadIsBoundedWhileACallIsInProgress() async throws {
        try await TestServer.with(limits: VarlinkLimits(maxPipelinedCalls: 8)) { server in
            let path = server.path
            let socket = try await blocking { try RawSocket(path: path) }
            try await blocking { try socket.write(try VarlinkCall(method: "org.example.test.Wait").framed()) }
            #expect(await eventually { server.probe.contains("wait: started") })
            // 10,000 calls of 1 KiB behind the one that waits: the server reads a few, then the socket fills.
            let padding = String(repeating: "p", count: 1000)
            var bytes: [UInt8] = []
            for i in 0..<10_000 {
                bytes += try VarlinkCall(
                    method: "org.example.test.Record",
                    parameters: .object(["tag": .string("\(i) \(padding)")])
                ).framed()
            }
            let flood = bytes
            let (written, closed) = try await blocking { socket.writeWhileAccepted(flood, timeout: 2) }
            #expect(!closed)
            #expect(written < 2_000_000, "the server stopped reading; \(written) of \(flood.count) bytes taken")
            #expect(!server.probe.contains { $0.hasPrefix("record: ") }, "nothing runs before the waiting call")
            // Hanging up is noticed while reading is paused, and cancels the call in progress.
            socket.close()
            #expect(await eventually { server.probe.contains("wait: cancelled") })
            #expect(await eventually { server.server.connectionCount == 0 })
        }
    }

    @Test func aClientThatNeverReadsIsDroppedAfterTheWriteTimeout() async throws {
        try await TestServer.with(limits: VarlinkLimits(writeTimeout: 1)) { server in
            let path = server.path
            let socket = try await blocking { try RawSocket(path: path) }
            let value = String(repeating: "v", count: 1000)
            var bytes: [UInt8] = []
            for _ in 0..<10_000 {
                bytes += try VarlinkCall(
                    method: "org.example.test.Echo",
                    parameters: .object(["value": .string(value)])
                )
                .framed()
            }
            let flood = bytes
            let start = ContinuousClock.now
            // Bounds far from the 1 s timeout: a loaded machine is slow, a server that never drops is forever.
            let (_, closed) = try await blocking { socket.writeWhileAccepted(flood, timeout: 40) }
            #expect(closed, "the server hung up on the client that never read")
            #expect(start.duration(to: .now) < .seconds(30))
            #expect(server.logs.contains { $0.contains("did not read its replies within 1.0s") })
            #expect(await eventually { server.server.connectionCount == 0 })
        }
    }

    @Test func aSlowReaderCannotHoldItsSlotByReadingALittleAtATime() async throws {
        try await TestServer.with(limits: VarlinkLimits(writeTimeout: 1)) { server in
            let path = server.path
            let socket = try await blocking { () -> RawSocket in
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
            let start = ContinuousClock.now
            // 200 bytes every 50 ms, for up to 40 s: always some progress, never caught up. Dropped after the 1 s
            // write timeout; the bound is far from it (a loaded machine is slow) and from the 40 s of trickling.
            let probe = server.probe
            async let reading: Void = blocking {
                while start.duration(to: .now) < .seconds(40), !probe.contains("forever: closed"),
                    socket.readSome(200, timeout: 0.05) != nil
                {
                    usleep(50_000)
                }
            }
            #expect(await eventually(timeout: 30) { server.probe.contains("forever: closed") })
            #expect(start.duration(to: .now) < .seconds(30))
            #expect(server.logs.contains { $0.contains("did not read its replies within 1.0s") })
            try await reading
        }
    }

    @Test func halfACallThenHalfCloseIsClosedAtOnce() async throws {
        // A call deadline far longer than any loaded machine's delay: closing "at once" cannot be confused with it.
        try await TestServer.with(limits: VarlinkLimits(callDeadline: 120)) { server in
            let path = server.path
            let closedAfter = try await blocking { () -> Double? in
                let socket = try RawSocket(path: path)
                try socket.write(#"{"method":"org.varlink.service.GetI"#)
                socket.shutdownWrite()
                return socket.waitForClose(timeout: 100)
            }
            let seconds = try #require(closedAfter)
            #expect(seconds < 60, "no need to wait for the call deadline: nothing more can come")
            #expect(await eventually { server.server.connectionCount == 0 })
        }
    }
}
