import FoundationEssentials
import Glibc
import SimwatchControl
import Testing

@Suite struct VarlinkServerTests {
    @Test func getInfoListsTheServedInterfaces() async throws {
        try await TestServer.with { server in
            let path = server.path
            let info = try await blocking { try VarlinkClient(path: path).getInfo() }
            #expect(info.vendor == "simwatch")
            #expect(info.product == "simwatchd")
            #expect(info.version == "0.1.0-test")
            #expect(info.url == "https://example.org/simwatch")
            #expect(info.interfaces == ["org.varlink.service", "io.simwatch.Control", "org.example.test"])
        }
    }

    @Test func interfaceDescriptionsAreServedVerbatim() async throws {
        try await TestServer.with { server in
            let path = server.path
            let (control, service) = try await blocking {
                let client = try VarlinkClient(path: path)
                return (
                    try client.interfaceDescription("io.simwatch.Control"),
                    try client.interfaceDescription("org.varlink.service")
                )
            }
            #expect(control == ControlInterface.description)
            #expect(service.contains("interface org.varlink.service"))
            #expect(service.contains("method GetInterfaceDescription(interface: string) -> (description: string)"))
        }
    }

    @Test func unknownInterfacesAndMethodsAreStandardErrors() async throws {
        try await TestServer.with { server in
            let cases: [(String, JSONValue, ControlError)] = [
                (
                    "org.varlink.service.GetInterfaceDescription", .object(["interface": .string("com.nope")]),
                    .interfaceNotFound("com.nope")
                ),
                ("com.nope.Frob", .object([:]), .interfaceNotFound("com.nope")),
                ("NoDots", .object([:]), .interfaceNotFound("")),
                ("io.simwatch.Control.Frob", .object([:]), .methodNotFound("io.simwatch.Control.Frob")),
                ("org.varlink.service.Frob", .object([:]), .methodNotFound("org.varlink.service.Frob")),
                ("org.varlink.service.GetInterfaceDescription", .object([:]), .invalidParameter("interface")),
                ("org.example.test.Unimplemented", .object([:]), .methodNotImplemented("Unimplemented")),
            ]
            for (method, parameters, expected) in cases {
                let error = try await server.error(method, parameters)
                #expect(error == expected, "\(method)")
            }
            // The handler never saw the undeclared method.
            #expect(server.probe.all.isEmpty)
        }
    }

    @Test func typedCallsRoundTrip() async throws {
        try await TestServer.with { server in
            let path = server.path
            let status = try await blocking { try VarlinkClient(path: path).call(GetStatus.self, NoParameters()) }
            #expect(status == TestHandler.status)
            await #expect(throws: ControlError.noSuchLine("de")) {
                try await blocking { try VarlinkClient(path: path).call(GetLine.self, LineParameters(line: "de")) }
            }
            let wrongType = try await server.error("io.simwatch.Control.GetLine", .object(["line": .int(3)]))
            #expect(wrongType == .invalidParameter("line"))
        }
    }

    @Test func thePeersCredentialsReachTheHandler() async throws {
        try await TestServer.with { server in
            let reply = try await server.call("org.example.test.WhoAmI")
            #expect(
                reply == [
                    .object(["pid": .int(Int64(getpid())), "uid": .int(Int64(getuid())), "gid": .int(Int64(getgid()))])
                ]
            )
        }
    }

    @Test func moreStreamsEveryReplyAndEndsWithTheLast() async throws {
        try await TestServer.with { server in
            let replies = try await server.call("org.example.test.Count", .object(["n": .int(25)]), more: true)
            #expect(replies == (0..<25).map { .object(["i": .int(Int64($0))]) })

            let path = server.path
            let events = try await blocking {
                var summaries: [String] = []
                try VarlinkClient(path: path).stream(Events.self, OptionalLineParameters(line: nil)) { reply in
                    summaries.append(reply.event.summary)
                    return true
                }
                return summaries
            }
            #expect(events == ["event 0", "event 1", "event 2"])
            let withoutMore = try await server.error("io.simwatch.Control.Events")
            #expect(withoutMore == .expectedMore)
        }
    }

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
                let replies = try (0..<2).map { _ in try client.receive(timeout: 5) }
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
                return try (0..<3).map { _ in try client.receive(timeout: 5).parameters["value"]?.stringValue }
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
                return (raw, try client.receive(timeout: 5))
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
                return (reply, socket.waitForClose(timeout: 5))
            }
            #expect(reply.0?.parameters["product"] == .string("simwatchd"))
            #expect(reply.1 != nil, "the server closes once it has answered")
        }
    }

    @Test func misusingTheReplierIsAnErrorNotACrash() async throws {
        try await TestServer.with { server in
            let replies = try await server.call("org.example.test.Misuse")
            #expect(replies == [.object([:])], "the server sends {} when the handler sent nothing final")
            #expect(server.probe.contains("misuse: malformed"))
        }
    }

    @Test func upgradeIsRefused() async throws {
        try await TestServer.with { server in
            let path = server.path
            let reply = try await blocking {
                let client = try VarlinkClient(path: path)
                try client.send(VarlinkCall(method: "org.example.test.Echo", upgrade: true))
                return try client.receive(timeout: 5)
            }
            #expect(reply.controlError == .invalidParameter("upgrade"))
        }
    }

    @Test func stopClosesConnectionsAndRemovesTheSocket() async throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path + "/control.sock"
        let probe = Probe()
        let server = VarlinkServer(
            listener: try ControlSocket.bind(path: path),
            info: VarlinkServiceInfo.simwatch(version: "0.1.0"),
            handler: TestHandler(probe: probe)
        )
        let running = Task { await server.run() }
        let closed = Task {
            try await blocking {
                let client = try VarlinkClient(path: path)
                #expect(try client.getInfo().interfaces == ["org.varlink.service", "io.simwatch.Control"])
                probe.add("connected")
                do throws(VarlinkTransportError) {
                    _ = try client.receive(timeout: 10)
                    return false
                } catch {
                    return error.code == .closed
                }
            }
        }
        #expect(await eventually { probe.contains("connected") })
        #expect(server.connectionCount == 1)
        server.stop()
        await running.value
        #expect(try await closed.value)
        #expect(fileType(path) == nil)
        #expect(server.connectionCount == 0)
        await #expect(throws: VarlinkTransportError.self) { try await blocking { _ = try VarlinkClient(path: path) } }
    }

    @Test func cancellingRunStopsTheServer() async throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path + "/control.sock"
        let server = VarlinkServer(
            listener: try ControlSocket.bind(path: path),
            info: VarlinkServiceInfo.simwatch(version: "0.1.0"),
            handler: TestHandler(probe: Probe())
        )
        let running = Task { await server.run() }
        #expect(try await blocking { try VarlinkClient(path: path).getInfo().product } == "simwatchd")
        running.cancel()
        await running.value
        #expect(fileType(path) == nil)
    }

    @Test func notRunningIsRecognisable() async throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        do throws(VarlinkTransportError) {
            _ = try VarlinkClient(path: directory.path + "/control.sock")
            Issue.record("connected to nothing")
        } catch {
            #expect(error.isNotRunning)
            #expect(error.errno == ENOENT)
        }
    }
}
