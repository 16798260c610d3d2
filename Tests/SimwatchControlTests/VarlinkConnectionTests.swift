import FoundationEssentials
import SimwatchControl
import Testing

/// One connection's life: pipelining, oneway calls, half-closes and disconnects.
@Suite struct VarlinkConnectionTests {
    @Test func aStreamStoppedByTheClientClosesTheConnection() async throws {
        try await TestServer.with { server in
            let path = server.path
            let (seen, closed) = try await blocking {
                var count = 0
                let client = try VarlinkClient(path: path)
                try client.stream(Events.self, OptionalLineParameters(line: nil)) { _ in
                    count += 1
                    return false
                }
                do {
                    _ = try client.getInfo()
                    return (count, false)
                } catch {
                    return (count, (error as? VarlinkTransportError)?.code == .closed)
                }
            }
            #expect(seen == 1)
            #expect(closed)
        }
    }

    @Test func aClientThatDisconnectsEndsAStreamingHandler() async throws {
        try await TestServer.with { server in
            let path = server.path
            let received = try await blocking {
                let client = try VarlinkClient(path: path)
                try client.send(VarlinkCall(method: "org.example.test.Forever", more: true))
                let replies = try (0..<2).map { _ in try client.receive(timeout: 30) }
                client.close()
                return replies.map(\.continues)
            }
            #expect(received == [true, true])
            #expect(await eventually { server.probe.contains("forever: closed") })
            #expect(await eventually { server.server.connectionCount == 0 })
        }
    }

    @Test func aClientThatDisconnectsCancelsAWaitingHandler() async throws {
        try await TestServer.with { server in
            let path = server.path
            let socket = try await blocking {
                let socket = try RawSocket(path: path)
                try socket.write(try VarlinkCall(method: "org.example.test.Wait").framed())
                return socket
            }
            #expect(await eventually { server.probe.contains("wait: started") })
            socket.close()
            #expect(await eventually { server.probe.contains("wait: cancelled") })
            #expect(await eventually { server.server.connectionCount == 0 })
        }
    }

    @Test func callsOfAClientThatLeftAreSkippedButOnewayOnesRun() async throws {
        try await TestServer.with { server in
            let path = server.path
            try await blocking {
                let socket = try RawSocket(path: path)
                var bytes = try VarlinkCall(
                    method: "org.example.test.Sleep",
                    parameters: .object(["milliseconds": .int(300), "tag": .string("slow")])
                ).framed()
                bytes += try VarlinkCall(
                    method: "org.example.test.Record",
                    parameters: .object(["tag": .string("skipped")])
                ).framed()
                bytes += try VarlinkCall(
                    method: "org.example.test.Record",
                    parameters: .object(["tag": .string("kept")]),
                    oneway: true
                ).framed()
                try socket.write(bytes)
            }
            #expect(await eventually { server.probe.contains("record: kept") })
            #expect(!server.probe.contains("record: skipped"))
        }
    }

    @Test func pipelinedCallsAreAnsweredInOrder() async throws {
        try await TestServer.with { server in
            let path = server.path
            let tags = try await blocking {
                let socket = try RawSocket(path: path)
                // Three calls in one write: the first is slow, the replies must still come back in order.
                var bytes: [UInt8] = []
                bytes += try VarlinkCall(
                    method: "org.example.test.Sleep",
                    parameters: .object(["milliseconds": .int(200), "tag": .string("a")])
                ).framed()
                bytes += try VarlinkCall(method: "org.example.test.Echo", parameters: .object(["value": .string("b")]))
                    .framed()
                bytes += try VarlinkCall(method: "org.example.test.Echo", parameters: .object(["value": .string("c")]))
                    .framed()
                try socket.write(bytes)
                return try (0..<3).map { _ in
                    let reply = try socket.readReply()
                    return reply?.parameters["tag"]?.stringValue ?? reply?.parameters["value"]?.stringValue ?? "?"
                }
            }
            #expect(tags == ["a", "b", "c"])
        }
    }

    @Test func pipelinedCallsThroughTheClient() async throws {
        try await TestServer.with { server in
            let path = server.path
            let values = try await blocking {
                let client = try VarlinkClient(path: path)
                for value in ["x", "y", "z"] {
                    try client.send(
                        VarlinkCall(method: "org.example.test.Echo", parameters: .object(["value": .string(value)]))
                    )
                }
                return try (0..<3).map { _ in try client.receive(timeout: 30).parameters["value"]?.stringValue }
            }
            #expect(values == ["x", "y", "z"])
        }
    }

    @Test func onewayCallsRunAndGetNoReply() async throws {
        try await TestServer.with { server in
            let path = server.path
            let (raw, first) = try await blocking {
                let client = try VarlinkClient(path: path)
                let raw = try client.callRaw(
                    method: "org.example.test.Record",
                    parameters: .object(["tag": .string("one")]),
                    oneway: true
                )
                // A oneway call that fails gets no error reply either.
                try client.send(VarlinkCall(method: "org.example.test.Nope", oneway: true))
                try client.send(
                    VarlinkCall(method: "org.example.test.Echo", parameters: .object(["value": .string("after")]))
                )
                return (raw, try client.receive(timeout: 30))
            }
            #expect(raw.isEmpty)
            #expect(first.parameters == .object(["value": .string("after")]))
            #expect(first.error == nil)
            #expect(server.probe.contains("record: one"))
        }
    }

    @Test func aOnewayCallStillRunsWhenTheClientLeavesAtOnce() async throws {
        try await TestServer.with { server in
            let path = server.path
            try await blocking {
                let socket = try RawSocket(path: path)
                try socket.write(
                    try VarlinkCall(
                        method: "org.example.test.Record",
                        parameters: .object(["tag": .string("bye")]),
                        oneway: true
                    )
                    .framed()
                )
            }
            #expect(await eventually { server.probe.contains("record: bye") })
        }
    }

    @Test func aHalfClosedClientStillGetsItsReplies() async throws {
        try await TestServer.with { server in
            let path = server.path
            let reply = try await blocking {
                let socket = try RawSocket(path: path)
                try socket.write(try VarlinkCall(method: "org.varlink.service.GetInfo").framed())
                socket.shutdownWrite()
                let reply = try socket.readReply()
                return (reply, socket.waitForClose(timeout: 30))
            }
            #expect(reply.0?.parameters["product"] == .string("simwatchd"))
            #expect(reply.1 != nil, "the server closes once it has answered")
        }
    }
}
